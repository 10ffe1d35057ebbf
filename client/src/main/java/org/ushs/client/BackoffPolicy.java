package org.ushs.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the delay before reconnect attempt {@code n} (0-based) is
 * uniform in {@code [0, min(max, initial * 2^n))}. Full jitter spreads the reconnects of many
 * clients that lost the same node. Pure; the random source is injected.
 *
 * @param initial the ceiling of the first attempt's delay (1 s by default)
 * @param max the largest ceiling (60 s by default)
 */
public record BackoffPolicy(Duration initial, Duration max) {

  /** 1 s to 60 s, as the protocol asks. */
  public static final BackoffPolicy DEFAULT =
      new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60));

  public BackoffPolicy {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
  }

  /** The upper bound of the delay before attempt {@code attempt}: {@code min(max, initial*2^n)}. */
  public Duration ceiling(int attempt) {
    int shift = Math.min(Math.max(attempt, 0), 30);
    long ceiling = initial.toMillis() << shift;
    return ceiling <= 0 || ceiling > max.toMillis() ? max : Duration.ofMillis(ceiling);
  }

  /**
   * The delay before attempt {@code attempt}: {@code random} gives a number in {@code [0, 1)} that
   * scales the ceiling.
   */
  public Duration delay(int attempt, DoubleSupplier random) {
    double fraction = Math.min(Math.max(random.getAsDouble(), 0), 1);
    return Duration.ofMillis((long) (ceiling(attempt).toMillis() * fraction));
  }
}
