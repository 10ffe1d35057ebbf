package org.ushs.gateway;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Text frames from bytes already encoded, as Vert.x frames or as the bytes on the wire. Vert.x's
 * public API takes text frames only as Strings, which it encodes again on every write; events are
 * encoded once and shared by every socket.
 */
final class Frames {

  /** The longest header of an unmasked frame. */
  static final int MAX_HEADER = 10;

  private static final int FIN_TEXT = 0x81;
  private static final int FIN_PING = 0x89;

  private Frames() {}

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

  static WebSocketFrame text(Buffer utf8) {
    return new WebSocketFrameImpl(
        WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true);
  }
}
