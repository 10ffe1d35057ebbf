package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffPolicyTest {

  @ParameterizedTest(name = "attempt {0}: ceiling {1} ms")
  @CsvSource({
    "0, 1000",
    "1, 2000",
    "2, 4000",
    "5, 32000",
    "6, 60000",
    "7, 60000",
    "40, 60000",
    "-1, 1000"
  })
  void ceilingDoublesUpToTheMaximum(int attempt, long ceilingMillis) {
    assertEquals(Duration.ofMillis(ceilingMillis), BackoffPolicy.DEFAULT.ceiling(attempt));
  }

  @ParameterizedTest(name = "attempt {0}, random {1}: {2} ms")
  @CsvSource({
    "0, 0.0, 0",
    "0, 0.5, 500",
    "0, 0.999, 999",
    "3, 0.25, 2000",
    "10, 0.5, 30000",
    "10, 0.0, 0",
    "2, 1.5, 4000",
    "2, -1.0, 0"
  })
  void fullJitterScalesTheCeiling(int attempt, double random, long delayMillis) {
    assertEquals(
        Duration.ofMillis(delayMillis), BackoffPolicy.DEFAULT.delay(attempt, () -> random));
  }

  @ParameterizedTest(name = "initial {0} ms, max {1} ms, attempt {2}: ceiling {3} ms")
  @CsvSource({"10, 100, 0, 10", "10, 100, 3, 80", "10, 100, 4, 100", "50, 50, 9, 50"})
  void configurableForTests(long initial, long max, int attempt, long ceiling) {
    BackoffPolicy policy = new BackoffPolicy(Duration.ofMillis(initial), Duration.ofMillis(max));
    assertEquals(Duration.ofMillis(ceiling), policy.ceiling(attempt));
  }

  @ParameterizedTest(name = "initial {0} ms, max {1} ms is refused")
  @CsvSource({"0, 100", "-5, 100", "200, 100"})
  void refusesNonsense(long initial, long max) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new BackoffPolicy(Duration.ofMillis(initial), Duration.ofMillis(max)));
  }
}
