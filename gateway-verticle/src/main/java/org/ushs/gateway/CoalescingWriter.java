package org.ushs.gateway;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * Writes pre-encoded text messages to one socket and flushes once per event-loop turn: a burst of
 * events to a socket leaves in one flush (one syscall) instead of one per message, which is most of
 * a delivery's cost. Vert.x's own writes flush each message unless they happen while reading from
 * that same connection. A burst flushes early once it holds {@code flushBytes}, so that what waits
 * unflushed stays well below the connection's outbound bound. The frames go straight to the Netty
 * channel under the WebSocket (through the WebSocket encoder and TLS), sharing the event's bytes.
 * Used on the connection's event loop; anywhere else, and for sockets that do not expose their
 * channel, writes go through Vert.x.
 */
final class CoalescingWriter {

  private final ServerWebSocket ws;
  private final ChannelHandlerContext chctx;
  private final Runnable flush = this::flush;
  private final int flushBytes;
  private boolean flushScheduled;
  private int unflushed;

  CoalescingWriter(ServerWebSocket ws, int flushBytes) {
    this.ws = ws;
    this.flushBytes = flushBytes;
    this.chctx = ws instanceof WebSocketInternal internal ? internal.channelHandlerContext() : null;
  }

  /** Writes {@code utf8} as one text message; completes when it has left for the socket. */
  Future<Void> write(Buffer utf8) {
    if (chctx == null || !chctx.executor().inEventLoop()) {
      return ws.writeFrame(Frames.text(utf8));
    }
    Promise<Void> written = Promise.promise();
    ChannelPromise promise = chctx.newPromise();
    promise.addListener(
        done -> {
          if (done.isSuccess()) {
            written.complete();
          } else {
            written.fail(done.cause());
          }
        });
    TextWebSocketFrame frame =
        new TextWebSocketFrame(true, 0, ((BufferInternal) utf8).getByteBuf());
    ChannelFuture unused = chctx.write(frame, promise); // completion arrives through promise
    unflushed += utf8.length();
    if (unflushed >= flushBytes) {
      chctx.flush();
      unflushed = 0;
    } else if (!flushScheduled) {
      flushScheduled = true;
      chctx.executor().execute(flush);
    }
    return written.future();
  }

  private void flush() {
    flushScheduled = false;
    if (unflushed > 0) {
      unflushed = 0;
      chctx.flush();
    }
  }
}
