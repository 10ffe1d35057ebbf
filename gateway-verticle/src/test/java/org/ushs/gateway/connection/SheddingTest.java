package org.ushs.gateway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Shedding}: which severities go at which fill, and the runs of what was dropped. */
class SheddingTest {

  @ParameterizedTest(name = "{0} at {1} of 1000 bytes: shed={2}")
  @CsvSource({
    "low, 0, false",
    "low, 499, false",
    "low, 500, true",
    "medium, 500, false",
    "medium, 749, false",
    "medium, 750, true",
    "high, 999, false",
    "critical, 5000, false",
    ", 999, false",
    "unknown, 999, false"
  })
  void lowThenMediumAreShedPastTheirMarks(String severity, long pending, boolean shed) {
    assertEquals(shed, new Shedding(1000).shed(severity, pending, 7));
  }

  @Test
  void eachRunBetweenSentEventsIsReportedOnce() {
    Shedding shedding = new Shedding(1000);
    assertNull(shedding.takeRun());
    shedding.shed("low", 600, 10);
    shedding.shed("low", 600, 12);
    shedding.shed("medium", 800, 15);
    assertEquals(new Shedding.Run(10, 15, 3), shedding.takeRun());
    assertNull(shedding.takeRun());
    shedding.shed("low", 600, 20);
    assertEquals(new Shedding.Run(20, 20, 1), shedding.takeRun());
  }
}
