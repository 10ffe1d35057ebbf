package org.ushs.publisher;

import java.time.Duration;

/**
 * How {@link UshsPublisher} retries: at most {@code maxAttempts} sends in all, each waiting up to
 * {@code requestTimeout} for the ack, with exponential backoff between them from {@code
 * firstBackoff}, doubling up to {@code maxBackoff}, each delay jittered to between half and all of
 * it (so that publishers that failed together do not retry together).
 */
public record RetryPolicy(
    int maxAttempts, Duration requestTimeout, Duration firstBackoff, Duration maxBackoff) {

  /** 8 attempts, 5 s per attempt, backoff 100 ms doubling to 2 s: about 20 s before giving up. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(2));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (requestTimeout.isNegative()
        || requestTimeout.isZero()
        || firstBackoff.isNegative()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("need timeout > 0 and 0 <= firstBackoff <= maxBackoff");
    }
  }

  /**
   * The wait in milliseconds after failed attempt {@code attempt} (0-based), for a {@code random}
   * value in [0, 1): {@code min(maxBackoff, firstBackoff * 2^attempt) * (0.5 + random / 2)}.
   */
  public long backoffMillis(int attempt, double random) {
    long cap = maxBackoff.toMillis();
    long full = firstBackoff.toMillis();
    for (int i = 0; i < attempt && full < cap; i++) {
      full *= 2;
    }
    return Math.round(Math.min(full, cap) * (0.5 + random / 2));
  }
}
