package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Medians, totals and the way figures are printed. */
class StatsTest {

  @ParameterizedTest(name = "median of [{0}] = {1}")
  @CsvSource(
      delimiter = '|',
      value = {"3|3", "3 1 2|2", "4 1 3 2|2.5", "10 -1 10|10", "''|NaN"})
  void median(String values, double expected) {
    double[] numbers =
        values.isBlank()
            ? new double[0]
            : java.util.Arrays.stream(values.split(" ", -1))
                .mapToDouble(Double::parseDouble)
                .toArray();

    assertEquals(expected, Stats.median(numbers), 1e-12);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "472000, 472000",
    "1.934, 1.93",
    "14.26, 14.3",
    "295.4, 295",
    "0.0004, 0.00",
    "NaN, -"
  })
  void format(double value, String expected) {
    assertEquals(expected, Stats.format(value));
  }

  @Test
  void microsPerUnit() {
    assertEquals(2.5, Stats.micros(1.0, 400_000), 1e-12);
    assertEquals(Double.NaN, Stats.micros(1.0, 0));
  }

  @Test
  void summaryTakesMediansButTotalsIntegrityCounters() {
    Report report = new Report("t");
    report.add(Map.of("deliv/s", 100.0, "lost", 0.0));
    report.add(Map.of("deliv/s", 300.0, "lost", 2.0));
    report.add(Map.of("deliv/s", 200.0, "lost", 1.0));

    Map<String, Double> summary = report.summary();

    assertEquals(200.0, summary.get("deliv/s"));
    assertEquals(3.0, summary.get("lost"));
  }
}
