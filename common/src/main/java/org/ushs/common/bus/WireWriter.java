package org.ushs.common.bus;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Appends length-prefixed values to a buffer; null strings are written as length -1. */
final class WireWriter {

  private WireWriter() {}

  static void writeString(Buffer buffer, String value) {
    if (value == null) {
      buffer.appendInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  static void writeBuffer(Buffer buffer, Buffer value) {
    buffer.appendInt(value.length()).appendBuffer(value);
  }
}
