package org.ushs.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Priority shedding: one subscriber that reads only {@code --read-rate} bytes/s while {@code
 * --rate} events/s cycling through critical, high, medium and low are published (single events, 16
 * in flight). What reaches it by severity, what the server announced as {@code gap}s, and whether
 * it was closed. The server sheds low and medium first, so critical (and high) should all arrive.
 */
final class ShedScenario {

  private static final long MAX_DRAIN_MILLIS = 120_000;

  private final Options options;
  private final Report report;

  ShedScenario(Options options) {
    this.options = options;
    this.report = new Report(options.string("label", "shedding for a slow reader"));
  }

  Report run() {
    try (Bench bench = Bench.start(options, 1, true)) {
      SlowReader slow =
          Bench.await(
              SlowReader.connect(bench.vertx, bench.target, options.number("read-rate", 300_000)),
              60);
      round(bench, slow, options.decimal("warmup", 3));
      for (int r = 0; r < options.integer("rounds", 3); r++) {
        report.add(round(bench, slow, options.decimal("duration", 20)));
      }
    }
    return report;
  }

  private Map<String, Double> round(Bench bench, SlowReader slow, double seconds) {
    long first = bench.publisher.nextN();
    slow.reset(first);
    PublishPlan plan =
        new PublishPlan(
            PublishPlan.Mode.RATE,
            options.decimal("rate", 1000),
            0,
            1,
            options.integer("concurrency", 16),
            0,
            seconds,
            PublishPlan.perService(1));
    PublishResult published = Bench.await(bench.publisher.run(plan), (long) seconds + 300);
    awaitSettled(slow, published.acked());
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("events", (double) published.acked());
    for (int s = 0; s < EventFactory.SEVERITIES.length; s++) {
      String severity = EventFactory.SEVERITIES[s];
      long sent = countOf(first, published.endN(), s);
      row.put(severity + " sent", (double) sent);
      row.put(severity + " got", (double) slow.received(severity));
    }
    row.put("gap msgs", (double) slow.gaps());
    row.put("announced", (double) slow.announced());
    row.put("close code", (double) slow.closeCode());
    row.put("pub failed", (double) published.failed());
    return row;
  }

  /**
   * Waits until every published event reached the reader or was announced missed, the reader was
   * closed, or nothing changed for {@code --drain-timeout} seconds: what a slow reader has not read
   * yet by the end of the publishing is in flight, not lost.
   */
  private void awaitSettled(SlowReader slow, long published) {
    long quietMillis = (long) (options.decimal("drain-timeout", 5) * 1000);
    long deadline = System.currentTimeMillis() + MAX_DRAIN_MILLIS;
    long last = -1;
    long lastChange = System.currentTimeMillis();
    while (slow.settled() < published
        && slow.closeCode() == 0
        && System.currentTimeMillis() < deadline
        && System.currentTimeMillis() - lastChange < quietMillis) {
      long now = slow.settled();
      if (now != last) {
        last = now;
        lastChange = System.currentTimeMillis();
      }
      Bench.sleep(200);
    }
  }

  /** How many of the numbers {@code [first, end)} have severity index {@code s}. */
  private static long countOf(long first, long end, int s) {
    long count = 0;
    for (long n = first; n < end; n++) {
      count += n % EventFactory.SEVERITIES.length == s ? 1 : 0;
    }
    return count;
  }
}
