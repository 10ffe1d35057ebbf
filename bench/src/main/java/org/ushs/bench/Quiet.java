package org.ushs.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Other engineers share this machine: before each round, wait (at most {@code --quiet-wait}
 * seconds) until processes other than the server and the generator use less than {@code
 * --quiet-threshold} cores; after it, run it again (at most {@code --retries} times) when they used
 * more during the round. Every row keeps its {@code other cores} so a reader can judge.
 */
final class Quiet {

  static final String OTHERS = "other cores";

  private final double threshold;
  private final double maxWaitSeconds;
  private final int retries;
  private final long serverPid;

  Quiet(Options options, long serverPid) {
    this.threshold = options.decimal("quiet-threshold", 0.35);
    this.maxWaitSeconds = options.decimal("quiet-wait", 30);
    this.retries = options.integer("retries", 1);
    this.serverPid = serverPid;
  }

  /**
   * Runs {@code round} once the machine is quiet (or the wait ran out); runs it again when others
   * were busy during it, but only if the machine then turns quiet: re-running on a machine that
   * stays busy would cost time and measure the same.
   */
  Map<String, Double> round(Report report, Supplier<Map<String, Double>> round) {
    double before = awaitQuiet();
    if (before > threshold) {
      report.note(busy("a round started on a busy machine", before));
    }
    Map<String, Double> row = round.get();
    for (int attempt = 0; attempt < retries && busy(row); attempt++) {
      double others = awaitQuiet();
      if (others > threshold) {
        report.note(busy("a round ran on a busy machine and was kept", row.get(OTHERS)));
        break;
      }
      report.note(busy("a round was re-run once the machine was quiet", row.get(OTHERS)));
      row = round.get();
    }
    return row;
  }

  private boolean busy(Map<String, Double> row) {
    return row.getOrDefault(OTHERS, 0.0) > threshold;
  }

  private static String busy(String what, double others) {
    return String.format(Locale.ROOT, "%s (others used %.2f cores)", what, others);
  }

  /**
   * The cores used by others over the last second once they fall under the threshold or time runs
   * out.
   */
  double awaitQuiet() {
    long deadline = System.nanoTime() + (long) (maxWaitSeconds * 1e9);
    while (true) {
      Snapshot before = Snapshot.take(serverPid);
      Bench.sleep(1000);
      double others = before.until(Snapshot.take(serverPid)).others();
      if (others <= threshold || System.nanoTime() > deadline) {
        return others;
      }
    }
  }
}
