package org.ushs.gateway.connection;

import java.util.function.LongSupplier;

/**
 * The rate limit of one connection's messages: a bucket that starts full with {@code burst} tokens
 * and refills {@code rate} tokens per second, never above {@code burst}; each message takes one.
 * Exact integer arithmetic (a token is {@value #UNITS_PER_TOKEN} units, one unit per nanosecond at
 * a rate of one per second). Time comes from an injected nanosecond clock such as {@link
 * System#nanoTime}. Used on one thread.
 */
public final class TokenBucket {

  private static final long UNITS_PER_TOKEN = 1_000_000_000L;

  private final int rate;
  private final int burst;
  private final LongSupplier nanoClock;
  private final long capacity;
  private final long fillNanos;
  private long units;
  private long last;

  /** {@code rate} and {@code burst} are at least 1. */
  public TokenBucket(int rate, int burst, LongSupplier nanoClock) {
    if (rate < 1 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be at least 1");
    }
    this.rate = rate;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.capacity = burst * UNITS_PER_TOKEN;
    this.fillNanos = capacity / rate + 1;
    this.units = capacity;
    this.last = nanoClock.getAsLong();
  }

  /** Takes a token if one is there: true when the message is within the limit. */
  public boolean tryTake() {
    refill();
    if (units < UNITS_PER_TOKEN) {
      return false;
    }
    units -= UNITS_PER_TOKEN;
    return true;
  }

  /** Whole seconds until a token is there again; at least 1. */
  public long retryAfterSeconds() {
    refill();
    long missing = Math.max(0, UNITS_PER_TOKEN - units);
    long nanos = (missing + rate - 1) / rate;
    return Math.max(1, (nanos + UNITS_PER_TOKEN - 1) / UNITS_PER_TOKEN);
  }

  /**
   * The close reason: the limit and when to retry, e.g. {@code rate limit: 100/s burst 1000
   * retry-after=1}.
   */
  public String limitReason() {
    return "rate limit: " + rate + "/s burst " + burst + " retry-after=" + retryAfterSeconds();
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    long elapsed = now - last;
    if (elapsed > 0) {
      units = Math.min(capacity, units + Math.min(elapsed, fillNanos) * rate);
      last = now;
    }
  }
}
