package org.ushs.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal WebSocket client over a plain TCP socket: the HTTP/1.1 upgrade, then server frames
 * parsed straight from the bytes read ({@link WsFrameParser}), pings answered, the close code kept.
 * Vert.x's own client costs the generator about as much CPU per message as the server spends; this
 * one hands a whole read (often a hundred events) to the parser at once. Receives only: the
 * generator never sends messages.
 *
 * <p>Holds the {@link NetClient} it was opened with for as long as it is reachable (its socket's
 * handlers reach it): Vert.x 5 shuts down a client it finds unreachable, and its sockets close at
 * the end of the shutdown's grace period, so a client made for one connect and dropped lost its
 * socket some 30 s after the next collection.
 */
final class RawWebSocket {

  /** What the connection receives. */
  interface Listener {
    /** A text or binary message: {@code payload[from, to)}, valid only during the call. */
    void message(byte[] payload, int from, int to);

    /** The connection ended; the server's close code, or 1006 when there was none. */
    void closed(short code);
  }

  private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  @SuppressWarnings("UnusedVariable") // held, never read: see above
  private final NetClient client;

  private final NetSocket socket;
  private final Listener listener;
  private final WsFrameParser parser = new WsFrameParser();
  private final Promise<Void> upgraded = Promise.promise();
  private byte[] response = new byte[0];
  private short closeCode = 1006;

  private RawWebSocket(NetClient client, NetSocket socket, Listener listener) {
    this.client = client;
    this.socket = socket;
    this.listener = listener;
  }

  /** Connects and upgrades; fails unless the server answers 101. */
  static Future<RawWebSocket> connect(
      NetClient client, Target target, String uri, String lastEventId, Listener listener) {
    return client
        .connect(target.gatewayPort(), target.host())
        .compose(
            socket -> {
              RawWebSocket ws = new RawWebSocket(client, socket, listener);
              socket.handler(ws::read);
              socket.closeHandler(closed -> ws.ended());
              socket.write(Buffer.buffer(request(target, uri, lastEventId)));
              return ws.upgraded.future().map(ws);
            });
  }

  /** Sends {@code payload} as one binary message (masked with the zero mask, as clients must). */
  void sendBinary(byte[] payload) {
    socket.write(Buffer.buffer(clientFrame(0x82, payload, 0, payload.length)));
  }

  static String request(Target target, String uri, String lastEventId) {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    return "GET "
        + uri
        + " HTTP/1.1\r\nHost: "
        + target.host()
        + ":"
        + target.gatewayPort()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Key: "
        + Base64.getEncoder().encodeToString(key)
        + (target.nats() ? "" : "\r\nAuthorization: Bearer " + target.subscriberToken())
        + (lastEventId == null ? "" : "\r\nLast-Event-ID: " + lastEventId)
        + "\r\n\r\n";
  }

  /**
   * Reads at most about {@code bytesPerSecond} from now on: after each read the socket is paused
   * for as long as that read should have taken, so the server sees a slow reader.
   */
  void throttle(io.vertx.core.Vertx vertx, long bytesPerSecond) {
    this.vertx = vertx;
    this.bytesPerSecond = bytesPerSecond;
  }

  private io.vertx.core.Vertx vertx;
  private long bytesPerSecond;

  private void read(Buffer buffer) {
    byte[] chunk = buffer.getBytes();
    if (upgraded.future().isComplete()) {
      parser.feed(chunk, this::frame);
      if (bytesPerSecond > 0) {
        socket.pause();
        vertx.setTimer(Math.max(1, chunk.length * 1000L / bytesPerSecond), t -> socket.resume());
      }
      return;
    }
    byte[] all = new byte[response.length + chunk.length];
    System.arraycopy(response, 0, all, 0, response.length);
    System.arraycopy(chunk, 0, all, response.length, chunk.length);
    int end = FrameScan.find(all, HEADERS_END, 0);
    if (end < 0) {
      response = all;
      return;
    }
    String status =
        new String(all, 0, all.length < 12 ? all.length : 12, StandardCharsets.US_ASCII);
    if (!status.startsWith("HTTP/1.1 101")) {
      upgraded.tryFail(new IllegalStateException("upgrade refused: " + status));
      socket.close();
      return;
    }
    response = null;
    upgraded.tryComplete();
    byte[] rest = java.util.Arrays.copyOfRange(all, end + HEADERS_END.length, all.length);
    if (rest.length > 0) {
      parser.feed(rest, this::frame);
    }
  }

  private void frame(int opcode, byte[] payload, int from, int to) {
    switch (opcode) {
      case WsFrameParser.TEXT, WsFrameParser.BINARY -> listener.message(payload, from, to);
      case WsFrameParser.PING -> socket.write(Buffer.buffer(clientFrame(0x8A, payload, from, to)));
      case WsFrameParser.CLOSE -> {
        if (to - from >= 2) {
          closeCode = (short) (((payload[from] & 0xFF) << 8) | (payload[from + 1] & 0xFF));
        }
        socket.write(Buffer.buffer(clientFrame(0x88, payload, from, Math.min(to, from + 2))));
        socket.close();
      }
      default -> {
        // pong or a reserved opcode: nothing to do
      }
    }
  }

  /**
   * A client frame (clients must mask): the zero mask leaves the payload as it is. Payloads up to
   * 65535 bytes.
   */
  static byte[] clientFrame(int firstByte, byte[] payload, int from, int to) {
    int length = to - from;
    int header = length < 126 ? 6 : 8;
    byte[] frame = new byte[header + length];
    frame[0] = (byte) firstByte;
    if (length < 126) {
      frame[1] = (byte) (0x80 | length);
    } else {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    }
    System.arraycopy(payload, from, frame, header, length);
    return frame;
  }

  private void ended() {
    if (!upgraded.future().isComplete()) {
      String answer = response == null ? "" : new String(response, StandardCharsets.US_ASCII);
      upgraded.tryFail(
          new IllegalStateException("connection closed during the upgrade: " + answer.trim()));
    }
    listener.closed(closeCode);
  }
}
