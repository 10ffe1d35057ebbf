package org.ushs.common.log.writer;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Notices that a writer's context did not run for longer than {@code limit} (the process was
 * frozen: SIGSTOP, a long GC or VM pause) and then holds writes for {@code hold}. A member frozen
 * past the heartbeat timeout was removed, and another member took its partitions over; when it runs
 * again it still believes it owns them until Hazelcast tells it otherwise (about a heartbeat
 * later), and would take the writes queued meanwhile into its own, stale copy of the ring and
 * publish them on the bus. Held, they are refused as {@link LogRefusal#NOT_OWNER} and the clients
 * ask the real owner. Used on one context; the clock is {@link System#nanoTime} but for tests.
 */
final class StallGuard {

  static final Duration LIMIT = Duration.ofSeconds(5);
  static final Duration HOLD = Duration.ofSeconds(3);

  private final LongSupplier nanos;
  private final long limit;
  private final long hold;
  private long last;
  private long holdUntil;
  private boolean held;

  StallGuard(LongSupplier nanos, Duration limit, Duration hold) {
    this.nanos = nanos;
    this.limit = limit.toNanos();
    this.hold = hold.toNanos();
    this.last = nanos.getAsLong();
  }

  StallGuard() {
    this(System::nanoTime, LIMIT, HOLD);
  }

  /**
   * Called on every write and by a timer well within the limit: true when the context did not run
   * for longer than the limit since the last call (the writers must forget what they know).
   */
  boolean stalled() {
    long now = nanos.getAsLong();
    boolean stalled = now - last > limit;
    if (stalled) {
      holdUntil = now + hold;
      held = true;
    }
    last = now;
    return stalled;
  }

  /** Whether writes are held now: a stall was noticed less than the hold ago. */
  boolean holding() {
    if (held && nanos.getAsLong() - holdUntil >= 0) {
      held = false;
    }
    return held;
  }

  /** How often to call {@link #stalled} when nothing else does. */
  long tickMillis() {
    return Math.max(1, limit / 4 / 1_000_000);
  }
}
