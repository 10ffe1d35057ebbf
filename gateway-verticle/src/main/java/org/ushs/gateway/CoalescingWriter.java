package org.ushs.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import org.ushs.gateway.connection.OutboundQueue;

/**
 * Writes text messages to one socket, framed here, into one buffer per event-loop turn that goes to
 * the socket in one write and one flush (see {@link Flusher}), or earlier once it holds {@code
 * flushBytes}. A write per message costs a pipeline pass, a frame object and a promise for every
 * socket an event goes to; copying the few hundred bytes of an event costs far less. Server frames
 * are not masked, so a frame is the same bytes for every socket. The buffer goes to the Netty
 * channel under the WebSocket, through TLS when configured; writes made through Vert.x (the close
 * frame) must first {@link #flush()}. With permessage-deflate negotiated, messages go as frame
 * objects instead (the compressor takes nothing else), still flushed once per turn. Used on the
 * connection's event loop only.
 */
final class CoalescingWriter {

  private final ChannelHandlerContext chctx;
  private final Flusher flusher;
  private final OutboundQueue queue;
  private final GatewayMetrics metrics;
  private final int flushBytes;
  private final boolean compressing;
  private ByteBuf unflushed;
  private boolean framesWritten;
  private boolean flushQueued;
  private int lastFlushed = 1024;

  CoalescingWriter(
      ServerWebSocket ws,
      Flusher flusher,
      OutboundQueue queue,
      GatewayMetrics metrics,
      int flushBytes) {
    this.chctx = ((WebSocketInternal) ws).channelHandlerContext();
    this.flusher = flusher;
    this.queue = queue;
    this.metrics = metrics;
    this.flushBytes = flushBytes;
    this.compressing = chctx.pipeline().get(WebSocketExtensionEncoder.class) != null;
  }

  boolean inEventLoop() {
    return chctx.executor().inEventLoop();
  }

  /** Runs {@code task} on the connection's event loop, after what is queued there. */
  void execute(Runnable task) {
    chctx.executor().execute(task);
  }

  /** Writes {@code utf8} as one text message. */
  void text(Buffer utf8) {
    ByteBuf payload = ((BufferInternal) utf8).getByteBuf();
    if (compressing) {
      writeFrame(payload);
    } else {
      queue.added(Frames.writeText(buffer(payload.readableBytes() + Frames.MAX_HEADER), payload));
    }
    if (unflushed != null && unflushed.readableBytes() >= flushBytes) {
      flush();
    } else if (!flushQueued) {
      flushQueued = true;
      flusher.later(this);
    }
  }

  /**
   * With permessage-deflate negotiated, each message goes as a frame object through the extension's
   * encoder, which compresses frames only (flushed at the end of the turn all the same).
   */
  private void writeFrame(ByteBuf payload) {
    int bytes = payload.readableBytes();
    queue.added(bytes);
    framesWritten = true;
    handedOver(chctx.write(new TextWebSocketFrame(true, 0, payload)), bytes);
  }

  /** {@code bytes} went to the channel; the socket has taken them once {@code write} completes. */
  private void handedOver(ChannelFuture write, int bytes) {
    metrics.queued(bytes);
    write.addListener(
        done -> {
          queue.taken(bytes);
          metrics.queued(-bytes);
        });
  }

  /**
   * Sends a ping now, after what is queued. Through this writer rather than Vert.x: Vert.x holds
   * its own writes while the channel is over its high-water mark, which a client reading a backlog
   * within {@code USHS_MAX_PENDING} may stay above for minutes, and would then miss every ping.
   */
  void ping() {
    queue.added(Frames.writePing(buffer(Frames.MAX_HEADER)));
    flush();
  }

  private ByteBuf buffer(int room) {
    if (unflushed == null) {
      unflushed = chctx.alloc().directBuffer(Math.max(lastFlushed, room));
    }
    return unflushed;
  }

  /** The end of the turn ({@link Flusher}). */
  void flushNow() {
    flushQueued = false;
    flush();
  }

  /** Hands what was written so far to the socket. */
  void flush() {
    if (framesWritten) {
      framesWritten = false;
      chctx.flush();
    }
    if (unflushed == null) {
      return;
    }
    ByteBuf out = unflushed;
    unflushed = null;
    int bytes = out.readableBytes();
    lastFlushed = Math.min(bytes, flushBytes);
    handedOver(chctx.writeAndFlush(out), bytes);
  }
}
