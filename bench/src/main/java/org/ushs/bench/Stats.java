package org.ushs.bench;

import java.util.Arrays;
import java.util.Locale;

/** Small pure helpers for the figures. */
final class Stats {

  private Stats() {}

  /** The median; for an even count the mean of the two middle values; NaN when empty. */
  static double median(double... values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double sum(double... values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }

  /** Per-unit cost in microseconds: {@code seconds / count * 1e6}; NaN when count is 0. */
  static double micros(double seconds, long count) {
    return count == 0 ? Double.NaN : seconds / count * 1e6;
  }

  /** A figure for a table: whole numbers as such, others to 3 significant digits at most. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude < 1e15) {
      return Long.toString((long) value);
    }
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
