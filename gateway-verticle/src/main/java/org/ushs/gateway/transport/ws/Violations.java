package org.ushs.gateway.transport.ws;

import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.ushs.gateway.protocol.ErrorCode;

/** The close code for what the WebSocket stack reports as a client's fault, or null if none. */
final class Violations {

  private Violations() {}

  /**
   * Netty reports an oversized or malformed frame as a corrupted frame; Vert.x an oversized message
   * as an {@link IllegalStateException}; the decompressor a frame that inflates beyond its bound
   * (or is not deflate data). Vert.x itself would close with 1006 or not at all.
   */
  static ErrorCode codeOf(Throwable failure) {
    if (failure instanceof CorruptedWebSocketFrameException corrupt) {
      return codeOf(corrupt.closeStatus());
    }
    if (failure instanceof IllegalStateException) {
      return ErrorCode.MESSAGE_TOO_BIG;
    }
    if (failure instanceof DecompressionException inflating) {
      String message = String.valueOf(inflating.getMessage());
      return message.contains("maximum size")
          ? ErrorCode.MESSAGE_TOO_BIG
          : ErrorCode.INVALID_PAYLOAD;
    }
    return null;
  }

  private static ErrorCode codeOf(WebSocketCloseStatus status) {
    if (status.equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)) {
      return ErrorCode.MESSAGE_TOO_BIG;
    }
    if (status.equals(WebSocketCloseStatus.INVALID_PAYLOAD_DATA)) {
      return ErrorCode.INVALID_PAYLOAD;
    }
    return ErrorCode.PROTOCOL_ERROR;
  }
}
