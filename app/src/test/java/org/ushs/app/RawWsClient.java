package org.ushs.app;

import io.vertx.core.buffer.Buffer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client on a plain socket, for what library clients will not do: it never answers a
 * ping by itself, it can stop reading (with a small receive buffer), and it can send any frame.
 */
final class RawWsClient implements AutoCloseable {

  static final int TEXT = 1;
  static final int CONTINUATION = 0;
  static final int CLOSE = 8;
  static final int PING = 9;
  static final int PONG = 10;

  /** A frame from the server; for a close, its code and reason; RSV1 says compressed. */
  record Frame(int opcode, Buffer payload, boolean compressed) {
    String text() {
      return payload.toString(StandardCharsets.UTF_8);
    }

    int closeCode() {
      return payload.length() < 2 ? 1005 : payload.getUnsignedShort(0);
    }

    String closeReason() {
      return payload.length() < 2 ? "" : payload.getString(2, payload.length());
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Map<String, String> headers = new HashMap<>();
  private int status;

  private RawWsClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    this.out = socket.getOutputStream();
  }

  /** Opens a TCP connection without sending anything. */
  static RawWsClient open(int port, int receiveBuffer) throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    return new RawWsClient(socket);
  }

  /** Connects and upgrades; {@code extraHeaders} are whole header lines. */
  static RawWsClient connect(int port, String uri, String token, int receiveBuffer, String... extra)
      throws IOException {
    RawWsClient client = open(port, receiveBuffer);
    StringBuilder request = new StringBuilder("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    request.append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n");
    request.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
    request.append("Authorization: Bearer ").append(token).append("\r\n");
    for (String line : extra) {
      request.append(line).append("\r\n");
    }
    client.writeRaw(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    client.readResponseHead();
    return client;
  }

  private void readResponseHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      head.write(in.readUnsignedByte());
    }
    String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n", -1);
    status = Integer.parseInt(lines[0].split(" ", -1)[1]);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
  }

  int status() {
    return status;
  }

  /** A response header of the upgrade, by lower-case name, or null. */
  String header(String name) {
    return headers.get(name);
  }

  void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** One masked frame, as a client must send it. */
  static byte[] frame(int opcode, byte[] payload, boolean fin) {
    return frame((fin ? 0x80 : 0) | opcode, payload);
  }

  /** One masked frame with its first byte (FIN, RSV bits, opcode) as given. */
  static byte[] frame(int firstByte, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(firstByte);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >> shift) & 0xff);
      }
    }
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    frame.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }

  void send(int opcode, byte[] payload, boolean fin) throws IOException {
    writeRaw(frame(opcode, payload, fin));
  }

  void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** The next frame, or null at the end of the stream; fails after {@code timeoutMs} of silence. */
  Frame read(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    int first;
    try {
      first = in.read();
    } catch (SocketException reset) {
      return null;
    }
    if (first < 0) {
      return null;
    }
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0f, Buffer.buffer(payload), (first & 0x40) != 0);
  }

  /** The next frame if one has begun to arrive, else null at once. */
  Frame poll() throws IOException {
    return in.available() > 0 ? read(5000) : null;
  }

  /** The next frame; fails at the end of the stream or after {@code timeoutMs} of silence. */
  Frame next(int timeoutMs) throws IOException {
    Frame frame = read(timeoutMs);
    if (frame == null) {
      throw new AssertionError("the server closed the connection without a close frame");
    }
    return frame;
  }

  /** Reads until the server's close frame (returned) or the end of the stream (null). */
  Frame awaitClose(int timeoutMs) throws IOException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (true) {
      int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
      Frame frame;
      try {
        frame = read(left);
      } catch (EOFException truncated) {
        return null;
      }
      if (frame == null || frame.opcode() == CLOSE) {
        return frame;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
