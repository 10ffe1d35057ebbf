package org.ushs.common.event;

import io.vertx.core.buffer.Buffer;

/**
 * One top-level attribute of an event as published: its name and the exact bytes of its value,
 * {@code source[start, end)}. The bytes are never re-encoded, so numbers and escapes reach
 * subscribers as sent. The source array is shared and must not be modified.
 */
public final class RawMember {

  private final String name;
  private final byte[] source;
  private final int start;
  private final int end;

  RawMember(String name, byte[] source, int start, int end) {
    this.name = name;
    this.source = source;
    this.start = start;
    this.end = end;
  }

  public String name() {
    return name;
  }

  /** The number of bytes of the value as sent. */
  int length() {
    return end - start;
  }

  void appendValueTo(Buffer out) {
    out.appendBytes(source, start, end - start);
  }
}
