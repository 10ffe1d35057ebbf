package org.ushs.app;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * A plain TCP connection speaking HTTP/1.1 by hand, for what a well-behaved client never does:
 * unfinished heads, endless chunked bodies, idle sockets, malformed chunks.
 */
final class RawHttp implements AutoCloseable {

  private static final int WAIT_MILLIS = 30_000;

  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  static RawHttp open(int port) {
    return open("127.0.0.1", port);
  }

  /** Connected to 127.0.0.1:{@code port} from the loopback address {@code from}. */
  static RawHttp open(String from, int port) {
    try {
      Socket socket = new Socket();
      socket.bind(new InetSocketAddress(loopback(from), 0));
      socket.connect(new InetSocketAddress(loopback("127.0.0.1"), port), WAIT_MILLIS);
      socket.setSoTimeout(WAIT_MILLIS);
      return new RawHttp(socket);
    } catch (IOException e) {
      throw new AssertionError("cannot connect: " + e, e);
    }
  }

  private static InetAddress loopback(String dotted) throws IOException {
    String[] parts = dotted.split("\\.", -1);
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      address[i] = (byte) Integer.parseInt(parts[i]);
    }
    return InetAddress.getByAddress(address);
  }

  /** Sends {@code text}; false when the server has closed the connection already. */
  boolean send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(ISO_8859_1));
      socket.getOutputStream().flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Everything the server sends until it closes the connection (bounded wait). */
  String readUntilClosed() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "still open after " + WAIT_MILLIS + " ms: " + all.toString(ISO_8859_1));
    } catch (IOException e) {
      // reset by the server: closed too
    }
    return all.toString(ISO_8859_1);
  }

  /** One response, or what came before the server closed the connection. */
  String readUntilClosedOrResponse() {
    try {
      return readResponse();
    } catch (AssertionError closed) {
      return "";
    }
  }

  /** One response's head and its Content-Length body; the connection stays open. */
  String readResponse() {
    try {
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          throw new AssertionError("closed after " + head);
        }
        head.append((char) c);
      }
      int length = contentLength(head.toString());
      return head + new String(in.readNBytes(length), ISO_8859_1);
    } catch (IOException e) {
      throw new AssertionError("no response: " + e, e);
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n", -1)) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  /** The close code and reason of the first WebSocket frame, which must be a close frame. */
  String closeFrame() {
    try {
      InputStream in = socket.getInputStream();
      int opcode = in.read() & 0x0f;
      int length = in.read() & 0x7f;
      byte[] payload = in.readNBytes(length);
      if (opcode != 8 || length < 2) {
        throw new AssertionError("not a close frame: opcode " + opcode);
      }
      int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
      return code
          + " "
          + new String(payload, 2, length - 2, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("no frame: " + e, e);
    }
  }

  static String upgrade(String path) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
  }

  static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
