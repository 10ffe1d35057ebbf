package org.ushs.common.config;

import java.time.Duration;

/**
 * Retention of the replay log: at most {@code capacity} events, none older than {@code ttl}, and at
 * most {@code maxBytes} of events (publishes that would go over it are refused).
 */
public record ReplaySettings(int capacity, Duration ttl, long maxBytes) {

  /** The smallest byte bound accepted: 1 MiB. */
  public static final long MIN_MAX_BYTES = 1024L * 1024;

  /** Retention with the default byte bound ({@link #defaultMaxBytes}). */
  public ReplaySettings(int capacity, Duration ttl) {
    this(capacity, ttl, defaultMaxBytes());
  }

  /**
   * A quarter of the JVM's maximum heap: the log's primary copy and a backup copy of another
   * member's (the most one member holds with one partition) stay within half the heap.
   */
  public static long defaultMaxBytes() {
    return Math.max(MIN_MAX_BYTES, Runtime.getRuntime().maxMemory() / 4);
  }
}
