package org.ushs.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Backoff doubles from the first delay up to the cap, jittered to half..all of it. */
class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(2));

  @ParameterizedTest(name = "attempt {0}, random {1} -> {2} ms")
  @CsvSource({
    "0, 0.0, 50",
    "0, 0.999999, 100",
    "0, 0.5, 75",
    "1, 0.999999, 200",
    "2, 0.999999, 400",
    "4, 0.999999, 1600",
    "5, 0.999999, 2000",
    "5, 0.0, 1000",
    "40, 0.999999, 2000",
    "2147483647, 0.0, 1000",
  })
  void backoffDoublesUpToTheCapWithJitter(int attempt, double random, long expected) {
    assertEquals(expected, POLICY.backoffMillis(attempt, random));
  }

  @Test
  void noBackoffStaysZero() {
    RetryPolicy none = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO);
    assertEquals(0, none.backoffMillis(5, 0.9));
  }

  @ParameterizedTest(name = "attempts {0}, timeout {1} ms, first {2} ms, max {3} ms")
  @CsvSource({"0, 1000, 100, 200", "3, 0, 100, 200", "3, 1000, -1, 200", "3, 1000, 300, 200"})
  void nonsenseIsRefused(int attempts, long timeout, long first, long max) {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RetryPolicy(
                attempts,
                Duration.ofMillis(timeout),
                Duration.ofMillis(first),
                Duration.ofMillis(max)));
  }
}
