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
   * An eighth of the JVM's maximum heap. A member holds one copy of the log (the primary or the
   * backup, with one partition), and each gateway keeps the newest events in memory too: a second
   * copy. Events of a MiB or more take up to twice their size in the heap (G1 gives such objects
   * whole regions), so both copies then stay within half the heap.
   */
  public static long defaultMaxBytes() {
    return Math.max(MIN_MAX_BYTES, Runtime.getRuntime().maxMemory() / 8);
  }
}
