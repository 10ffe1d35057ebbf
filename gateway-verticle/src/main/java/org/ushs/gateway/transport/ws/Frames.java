package org.ushs.gateway.transport.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * WebSocket frames as the bytes on the wire, from payloads already encoded. Server frames are not
 * masked (RFC 6455 §5.1), so one framed buffer is the same bytes for every socket.
 */
final class Frames {

  /** The longest header of an unmasked frame. */
  static final int MAX_HEADER = 10;

  private static final int FIN_TEXT = 0x81;
  private static final int FIN_PING = 0x89;

  private Frames() {}

  /** An empty ping frame. */
  static ByteBuf ping(ByteBufAllocator alloc) {
    ByteBuf ping = alloc.directBuffer(2);
    writePing(ping);
    return ping;
  }

  /** One text frame carrying {@code utf8} (not consumed), in a buffer of its own. */
  static ByteBuf text(ByteBufAllocator alloc, ByteBuf utf8) {
    ByteBuf frame = alloc.directBuffer(utf8.readableBytes() + MAX_HEADER);
    writeText(frame, utf8);
    return frame;
  }

  /** Appends an empty ping frame to {@code out}; returns the bytes appended. */
  static int writePing(ByteBuf out) {
    out.writeByte(FIN_PING);
    out.writeByte(0);
    return 2;
  }

  /**
   * Appends one unmasked text frame carrying {@code utf8} (not consumed) to {@code out}, as a
   * server sends it (RFC 6455 §5.2); returns the bytes appended.
   */
  static int writeText(ByteBuf out, ByteBuf utf8) {
    int start = out.writerIndex();
    int length = utf8.readableBytes();
    out.writeByte(FIN_TEXT);
    if (length < 126) {
      out.writeByte(length);
    } else if (length <= 0xFFFF) {
      out.writeByte(126);
      out.writeShort(length);
    } else {
      out.writeByte(127);
      out.writeLong(length);
    }
    out.writeBytes(utf8, utf8.readerIndex(), length);
    return out.writerIndex() - start;
  }
}
