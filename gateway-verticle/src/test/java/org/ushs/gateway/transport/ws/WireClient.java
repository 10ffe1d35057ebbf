package org.ushs.gateway.transport.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client socket (plain or TLS) that upgrades, then reads the server's bytes as they come off the
 * wire and decodes them with Netty's own WebSocket decoder (unmasked server frames, RFC 6455). It
 * reads only when asked, so it can leave the server's channel unwritable.
 */
final class WireClient implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final EmbeddedChannel decoder =
      new EmbeddedChannel(
          new WebSocket13FrameDecoder(
              WebSocketDecoderConfig.newBuilder()
                  .expectMaskedFrames(false)
                  .allowExtensions(false)
                  .maxFramePayloadLength(16 << 20)
                  .build()));

  private WireClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  static WireClient connect(int port, boolean tls, int receiveBuffer) throws Exception {
    Socket socket = tls ? trustingTls().getSocketFactory().createSocket() : new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    if (socket instanceof SSLSocket ssl) {
      ssl.startHandshake();
    }
    socket.setSoTimeout(10_000);
    WireClient client = new WireClient(socket);
    client.upgrade();
    return client;
  }

  private void upgrade() throws IOException {
    socket
        .getOutputStream()
        .write(
            String.join(
                    "\r\n",
                    "GET /ws HTTP/1.1",
                    "Host: 127.0.0.1",
                    "Upgrade: websocket",
                    "Connection: Upgrade",
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                    "Sec-WebSocket-Version: 13",
                    "",
                    "")
                .getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade: " + head);
      }
      head.write(b);
    }
    if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
      throw new IOException("not upgraded: " + head);
    }
  }

  /** Reads until {@code count} frames are decoded; returns them (the caller releases them). */
  List<WebSocketFrame> frames(int count) throws IOException {
    List<WebSocketFrame> frames = new ArrayList<>();
    byte[] chunk = new byte[64 * 1024];
    while (true) {
      for (Object frame = decoder.readInbound(); frame != null; frame = decoder.readInbound()) {
        frames.add((WebSocketFrame) frame);
      }
      if (frames.size() >= count) {
        return frames;
      }
      int read = in.read(chunk);
      if (read < 0) {
        throw new IOException("closed after " + frames.size() + " frames");
      }
      decoder.writeInbound(Unpooled.copiedBuffer(chunk, 0, read));
    }
  }

  @Override
  public void close() throws IOException {
    decoder.finishAndReleaseAll();
    socket.close();
  }

  private static SSLContext trustingTls() throws Exception {
    TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {any}, null);
    return context;
  }
}
