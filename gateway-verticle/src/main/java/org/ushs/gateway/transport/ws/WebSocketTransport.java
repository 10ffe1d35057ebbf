package org.ushs.gateway.transport.ws;

import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.Context;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import org.ushs.gateway.GatewayMetrics;
import org.ushs.gateway.connection.OutboundQueue;
import org.ushs.gateway.transport.ClientChannel;

/**
 * The WebSocket transport of one gateway verticle instance (one event loop): the channels of its
 * upgraded sockets share one {@link Flusher} (flushing once per turn, or once per write delay) and
 * one {@link SharedFrames} (each event framed once for all of them). Used on its event loop only.
 */
public final class WebSocketTransport {

  /** A burst of writes is flushed at the latest once it holds this much. */
  private static final int FLUSH_BYTES = 32 * 1024;

  private final GatewayMetrics metrics;
  private final Flusher flusher;
  private final SharedFrames frames = new SharedFrames();

  /** {@code writeDelay}: each socket flushes at most once per delay (zero: once per turn). */
  public WebSocketTransport(Context context, GatewayMetrics metrics, Duration writeDelay) {
    this.metrics = metrics;
    this.flusher = new Flusher(context, writeDelay);
  }

  /** An upgraded socket now belongs to the node: the handshake's idle timeout goes. */
  public static void accepted(ServerWebSocket ws) {
    WebSocketPipeline.removeIdleTimeout(ws);
  }

  /**
   * A new connection of a server whose options are {@code options}: its WebSocket decompressor is
   * bounded by the frame size limit (see {@link WebSocketPipeline#boundInflation}). Called from the
   * server's one connection handler, beside the per-IP gate.
   */
  public static void opened(HttpConnection connection, HttpServerOptions options) {
    if (options.getPerMessageWebSocketCompressionSupported()) {
      WebSocketPipeline.boundInflation(connection, options);
    }
  }

  /**
   * Runs {@code action} on the connection's event loop once its socket is closed, upgraded or not
   * (Vert.x does not call an upgraded connection's {@link HttpConnection#closeHandler}).
   */
  public static void onSocketClosed(HttpConnection connection, Runnable action) {
    WebSocketPipeline.onSocketClosed(connection, action);
  }

  /** The channel of {@code ws}, its outbound bytes counted in {@code queue}. */
  public ClientChannel channel(ServerWebSocket ws, OutboundQueue queue) {
    ChannelHandlerContext chctx = WebSocketPipeline.context(ws);
    int flushBytes = (int) Math.min(FLUSH_BYTES, queue.maxPending() / 4);
    CoalescingWriter writer =
        new CoalescingWriter(chctx, flusher, frames, queue, metrics, flushBytes);
    return new WebSocketChannel(ws, chctx, writer);
  }
}
