package org.ushs.gateway.transport.ws;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * What the public WebSocket API cannot do, done on the Netty pipeline under it. Vert.x 5 keeps the
 * HTTP server's idle timeout on a connection after its upgrade, and a close frame queued behind
 * data a client does not read is never sent, so the close handshake would never end.
 */
final class WebSocketPipeline {

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
   * Closes the TCP connection now, dropping whatever is still queued. Closes from Vert.x's own
   * handler context: a close through the pipeline's tail would wait for the close handshake.
   */
  static void drop(ServerWebSocket ws) {
    ChannelFuture unused = context(ws).close();
  }
}
