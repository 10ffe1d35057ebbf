package org.ushs.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ingest throughput: acknowledged events per second over the HTTP API, {@code --batch} events per
 * request, {@code --concurrency} requests in flight, no subscribers. Every ack means the event is
 * in the replay log.
 */
final class IngestScenario {

  private final Options options;
  private final Report report;

  IngestScenario(Options options) {
    this.options = options;
    this.report =
        new Report(
            options.string(
                "label",
                "ingest, batch "
                    + options.integer("batch", 100)
                    + ", "
                    + options.integer("concurrency", 8)
                    + " requests in flight"));
  }

  Report run() {
    try (Bench bench = Bench.start(options, 100)) {
      double warmup = options.decimal("warmup", 3);
      if (warmup > 0) {
        round(bench, warmup);
      }
      Quiet quiet = new Quiet(options, bench.target.serverPid());
      var threads = ThreadCpu.take(bench.target.serverPid());
      for (int r = 0; r < options.integer("rounds", 3); r++) {
        report.add(quiet.round(report, () -> round(bench, options.decimal("duration", 8))));
      }
      report.note(ThreadCpu.between(threads, ThreadCpu.take(bench.target.serverPid()), 8));
    }
    return report;
  }

  private Map<String, Double> round(Bench bench, double seconds) {
    PublishPlan plan =
        new PublishPlan(
            PublishPlan.Mode.ACKS,
            0,
            0,
            options.integer("batch", 100),
            options.integer("concurrency", 8),
            options.number("events", 0),
            seconds,
            PublishPlan.perService(0));
    Snapshot before = Snapshot.take(bench.target.serverPid());
    PublishResult published = Bench.await(bench.publisher.run(plan), (long) seconds + 300);
    Snapshot.CpuUse cpu = before.until(Snapshot.take(bench.target.serverPid()));
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("acked ev/s", published.acked() / published.seconds());
    row.put("events", (double) published.acked());
    row.put("pub failed", (double) published.failed());
    row.put("ack p50 ms", published.ackLatency().getValueAtPercentile(50) / 1000.0);
    row.put("ack p99 ms", published.ackLatency().getValueAtPercentile(99) / 1000.0);
    row.put("ack max ms", published.ackLatency().getMaxValue() / 1000.0);
    row.put("srv µs/event", Stats.micros(cpu.server(), published.acked()));
    row.put("of it JIT µs/event", Stats.micros(cpu.serverJit(), published.acked()));
    row.put("of it system µs/event", Stats.micros(cpu.serverSystem(), published.acked()));
    row.put("srv cores", cpu.server() / cpu.seconds());
    row.put("srv RSS MB", cpu.serverRss() / 1048576.0);
    row.put("gen cores", cpu.generator() / cpu.seconds());
    row.put(Quiet.OTHERS, cpu.others() / cpu.seconds());
    row.put("load1", cpu.load1());
    if (published.firstFailure() != null) {
      report.note("publish failure: " + published.firstFailure());
    }
    return row;
  }
}
