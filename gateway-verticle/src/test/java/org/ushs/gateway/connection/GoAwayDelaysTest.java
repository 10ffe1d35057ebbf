package org.ushs.gateway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link GoAwayDelays}: go-away closes evenly over the window, the first at once, none at its end.
 */
class GoAwayDelaysTest {

  @ParameterizedTest(name = "{0} of {1} over {2} ms -> {3} ms")
  @CsvSource({
    "0, 1, 1000, 0",
    "0, 4, 1000, 0",
    "1, 4, 1000, 250",
    "3, 4, 1000, 750",
    "1, 3, 1000, 333",
    "999, 1000, 10000, 9990",
    "99999, 100000, 10000, 9999",
    "1, 2, 0, 0",
  })
  void evenlyOverTheWindow(int index, int count, long windowMs, long delay) {
    assertEquals(delay, GoAwayDelays.delayMillis(index, count, Duration.ofMillis(windowMs)));
  }

  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource({"4, 4", "-1, 4", "0, 0"})
  void anIndexOutsideTheCountIsRefused(int index, int count) {
    assertThrows(
        IllegalArgumentException.class,
        () -> GoAwayDelays.delayMillis(index, count, Duration.ofSeconds(1)));
  }
}
