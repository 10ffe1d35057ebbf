package org.ushs.gateway.transport.ws;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * What the public WebSocket API cannot do, done on the Netty pipeline under it. Vert.x 5 keeps the
 * HTTP server's idle timeout on a connection after its upgrade, and a close frame queued behind
 * data a client does not read is never sent, so the close handshake would never end.
 */
final class WebSocketPipeline {

  /** The name Vert.x gives the extension handler of a connection (HttpServerConnectionHandler). */
  private static final String EXTENSION_HANDLER = "webSocketExtensionHandler";

  private WebSocketPipeline() {}

  static ChannelHandlerContext context(ServerWebSocket ws) {
    return ((WebSocketInternal) ws).channelHandlerContext();
  }

  /** Removes the idle timeout that bounds the handshake; the heartbeat watches the WebSocket. */
  static void removeIdleTimeout(ServerWebSocket ws) {
    ChannelPipeline pipeline = context(ws).pipeline();
    if (pipeline.get(IdleStateHandler.class) != null) {
      pipeline.remove(IdleStateHandler.class);
    }
  }

  /**
   * Puts {@code guard}, then UTF-8 validation (1007 on invalid text), in front of Vert.x's handler,
   * after the frame decoder and the decompressor.
   */
  static void guard(ServerWebSocket ws, InboundGuard guard) {
    ChannelHandlerContext vertx = context(ws);
    vertx.pipeline().addBefore(vertx.name(), "ushsUtf8", new Utf8FrameValidator(false));
    vertx.pipeline().addBefore("ushsUtf8", "ushsGuard", guard); // RSV bits before the text
  }

  /**
   * Makes the permessage-deflate decompressor of an HTTP connection inflate at most {@code
   * maxAllocation} bytes of a frame (it inflates without a bound otherwise: a 51 KB frame of zeros
   * becomes 50 MiB). Replaces the extension handler Vert.x put in front of the upgrade with the
   * same negotiation and the bound; does nothing where compression is off.
   */
  /**
   * Runs {@code action} once the connection's socket is closed, whatever it became. The {@link
   * HttpConnection}'s own close handler is not called for a connection upgraded to a WebSocket.
   */
  static void onSocketClosed(HttpConnection connection, Runnable action) {
    ((ConnectionBase) connection)
        .channelHandlerContext()
        .channel()
        .closeFuture()
        .addListener(closed -> action.run());
  }

  static void boundInflation(HttpConnection connection, HttpServerOptions options) {
    ChannelPipeline pipeline = ((ConnectionBase) connection).channelHandlerContext().pipeline();
    if (pipeline.get(EXTENSION_HANDLER) == null) {
      return;
    }
    PerMessageDeflateServerExtensionHandshaker deflate =
        new PerMessageDeflateServerExtensionHandshaker(
            options.getWebSocketCompressionLevel(),
            ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(),
            PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE,
            options.getWebSocketAllowServerNoContext(),
            options.getWebSocketPreferredClientNoContext(),
            options.getMaxWebSocketFrameSize());
    pipeline.replace(
        EXTENSION_HANDLER, EXTENSION_HANDLER, new WebSocketServerExtensionHandler(deflate));
  }

  /**
   * Closes the TCP connection now, dropping whatever is still queued. Closes from Vert.x's own
   * handler context: a close through the pipeline's tail would wait for the close handshake.
   */
  static void drop(ServerWebSocket ws) {
    ChannelFuture unused = context(ws).close();
  }
}
