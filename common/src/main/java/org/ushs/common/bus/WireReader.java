package org.ushs.common.bus;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote, from a position in a buffer. Not thread-safe. */
final class WireReader {

  private final Buffer buffer;
  private int position;

  WireReader(Buffer buffer, int position) {
    this.buffer = buffer;
    this.position = position;
  }

  int position() {
    return position;
  }

  int readInt() {
    int value = buffer.getInt(position);
    position += 4;
    return value;
  }

  long readLong() {
    long value = buffer.getLong(position);
    position += 8;
    return value;
  }

  String readString() {
    int length = readInt();
    if (length < 0) {
      return null;
    }
    String value = buffer.getString(position, position + length, StandardCharsets.UTF_8.name());
    position += length;
    return value;
  }

  Buffer readBuffer() {
    int length = readInt();
    Buffer value = buffer.getBuffer(position, position + length);
    position += length;
    return value;
  }
}
