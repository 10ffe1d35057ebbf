package org.ushs.gateway.transport.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * The framed bytes of the message last sent on one event loop, shared by every socket it goes to:
 * the fan-out hands one event to all its sessions in a row, so one framed buffer serves them all,
 * each socket writing a retained duplicate (own indexes, same memory) instead of a copy. Keyed by
 * the identity of the message buffer, which callers never modify once sent. Holds one reference to
 * the last frame until another message replaces it. Used on its event loop only.
 */
final class SharedFrames {

  private Buffer lastMessage;
  private ByteBuf lastFrame;

  /** A text frame of {@code message} for one socket to write (and release). */
  ByteBuf frameOf(Buffer message, ByteBufAllocator alloc) {
    if (message != lastMessage) {
      ByteBuf frame = Frames.text(alloc, ((BufferInternal) message).getByteBuf());
      if (lastFrame != null) {
        lastFrame.release();
      }
      lastFrame = frame;
      lastMessage = message;
    }
    return lastFrame.retainedDuplicate();
  }
}
