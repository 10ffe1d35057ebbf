package org.ushs.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Text frames from bytes already encoded. Vert.x's public API takes text frames only as Strings,
 * which it encodes again on every write; events are encoded once and shared by every socket.
 */
final class Frames {

  private Frames() {}

  static WebSocketFrame text(Buffer utf8) {
    return new WebSocketFrameImpl(
        WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true);
  }
}
