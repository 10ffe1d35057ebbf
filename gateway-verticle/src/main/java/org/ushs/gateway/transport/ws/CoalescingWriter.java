package org.ushs.gateway.transport.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.ushs.gateway.GatewayMetrics;
import org.ushs.gateway.connection.OutboundQueue;

/**
 * Writes text messages to one socket as frames shared with the other sockets of the event loop
 * ({@link SharedFrames}), gathered until the {@link Flusher} flushes them in one write (a composite
 * buffer: a gathering write of the shared frames, no copy), or earlier once they hold {@code
 * flushBytes}. A write per message would cost a pipeline pass and a promise for every socket an
 * event goes to. The buffer goes to the Netty channel under the WebSocket, through TLS when
 * configured; writes made through Vert.x (the close frame) must first {@link #flush()}. With
 * permessage-deflate negotiated, messages go as frame objects instead (the compressor takes nothing
 * else), still flushed by the flusher. Every byte counts in the {@link OutboundQueue} from here
 * until the socket has taken it. Used on the connection's event loop only.
 */
final class CoalescingWriter {

  private final ChannelHandlerContext chctx;
  private final ByteBufAllocator alloc; // read once: chctx.alloc() walks to the channel's config
  private final Flusher flusher;
  private final SharedFrames frames;
  private final OutboundQueue queue;
  private final GatewayMetrics metrics;
  private final int flushBytes;
  private final boolean compressing;
  private ByteBuf unflushed; // null, one frame, or a composite of several
  private int unflushedBytes;
  private boolean framesWritten;
  private boolean flushQueued;

  CoalescingWriter(
      ChannelHandlerContext chctx,
      Flusher flusher,
      SharedFrames frames,
      OutboundQueue queue,
      GatewayMetrics metrics,
      int flushBytes) {
    this.chctx = chctx;
    this.alloc = chctx.alloc();
    this.flusher = flusher;
    this.frames = frames;
    this.queue = queue;
    this.metrics = metrics;
    this.flushBytes = flushBytes;
    this.compressing = chctx.pipeline().get(WebSocketExtensionEncoder.class) != null;
  }

  /** Writes {@code utf8} as one text message. */
  void text(Buffer utf8) {
    if (compressing) {
      writeFrame(((BufferInternal) utf8).getByteBuf());
    } else {
      append(frames.frameOf(utf8, alloc));
    }
    if (unflushedBytes >= flushBytes) {
      flush();
    } else if (!flushQueued) {
      flushQueued = true;
      flusher.later(this);
    }
  }

  /**
   * With permessage-deflate negotiated, each message goes as a frame object through the extension's
   * encoder, which compresses frames only.
   */
  private void writeFrame(ByteBuf payload) {
    int bytes = payload.readableBytes();
    queue.added(bytes);
    framesWritten = true;
    handedOver(chctx.write(new TextWebSocketFrame(true, 0, payload.retainedDuplicate())), bytes);
  }

  private void append(ByteBuf frame) {
    int bytes = frame.readableBytes();
    queue.added(bytes);
    unflushedBytes += bytes;
    if (unflushed == null) {
      unflushed = frame;
    } else if (unflushed instanceof CompositeByteBuf several) {
      several.addComponent(true, frame);
    } else {
      unflushed =
          chctx
              .alloc()
              .compositeDirectBuffer(Integer.MAX_VALUE)
              .addComponent(true, unflushed)
              .addComponent(true, frame);
    }
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
    append(Frames.ping(alloc));
    flush();
  }

  /** The flusher's turn came. */
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
    int bytes = unflushedBytes;
    unflushed = null;
    unflushedBytes = 0;
    handedOver(chctx.writeAndFlush(out), bytes);
  }
}
