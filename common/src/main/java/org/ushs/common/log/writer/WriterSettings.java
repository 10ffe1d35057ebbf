package org.ushs.common.log.writer;

import java.time.Duration;

/**
 * What a partition's writer keeps within: the ring's {@code capacity} and {@code ttl}, and {@code
 * maxBytes} retained. {@code stallAfterAppend} is a test hook (zero in production): the writer
 * waits that long between an append and its acknowledgement, so a test can kill the owner there.
 */
public record WriterSettings(int capacity, Duration ttl, long maxBytes, Duration stallAfterAppend) {

  public WriterSettings {
    if (capacity < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("capacity and maxBytes must be positive");
    }
  }
}
