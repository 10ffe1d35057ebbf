package org.ushs.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resume: publish a marker then {@code --events} events, then connect one subscriber with {@code
 * Last-Event-ID:} the marker's id and time until the server's {@code {"type":"replay"}} message
 * arrives (every missed event comes before it). The replay log must hold them all ({@code
 * USHS_REPLAY_CAPACITY}).
 */
final class ResumeScenario {

  private final Options options;
  private final long events;
  private final Report report;

  ResumeScenario(Options options) {
    this.options = options;
    this.events = options.number("events", 10_000);
    this.report = new Report(options.string("label", "resume of " + events + " events"));
  }

  Report run() {
    try (Bench bench = Bench.start(options, 100)) {
      if (options.decimal("warmup", 1) > 0) {
        round(bench, Math.min(events, 2_000));
      }
      Quiet quiet = new Quiet(options, bench.target.serverPid());
      var threads = ThreadCpu.take(bench.target.serverPid());
      for (int r = 0; r < options.integer("rounds", 3); r++) {
        report.add(quiet.round(report, () -> round(bench, events)));
      }
      report.note(ThreadCpu.between(threads, ThreadCpu.take(bench.target.serverPid()), 8));
    }
    return report;
  }

  private void publish(Bench bench, long events) {
    PublishPlan plan =
        new PublishPlan(PublishPlan.Mode.ACKS, 0, 0, 500, 4, events, 0, PublishPlan.perService(1));
    PublishResult published = Bench.await(bench.publisher.run(plan), 600);
    if (published.failed() > 0) {
      report.note("publish failure: " + published.firstFailure());
    }
  }

  private Map<String, Double> round(Bench bench, long missed) {
    long marker = bench.publisher.nextN();
    // the marker alone first: batches in flight together may be logged in any order
    publish(bench, 1);
    publish(bench, missed);
    bench.reset(marker + 1);
    String lastEventId = bench.publisher.events().id(marker);
    Snapshot before = Snapshot.take(bench.target.serverPid());
    int seenBefore = bench.replaysSeen();
    long start = System.nanoTime();
    int failed = bench.open(List.of(new SubscriberSpec(null, lastEventId)), 1);
    long connected = System.nanoTime();
    long deadline = start + 120_000_000_000L;
    while (bench.replaysSeen() == seenBefore && failed == 0 && System.nanoTime() < deadline) {
      Bench.sleep(1);
    }
    LaneResult got = bench.collect(spec -> missed);
    Snapshot.CpuUse cpu = before.until(Snapshot.take(bench.target.serverPid()));
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("missed", (double) missed);
    if (got.replays().isEmpty()) {
      report.note(
          "no replay message within 120 s" + (failed > 0 ? ": " + bench.firstFailure() : ""));
      row.put("resume ms", Double.NaN);
    } else {
      Subscriber resumed = got.replays().get(0);
      row.put("handshake ms", (connected - start) / 1e6);
      row.put("resume ms", (resumed.replayNanos - start) / 1e6);
      row.put("replayed ev/s", resumed.eventsBeforeReplay / ((resumed.replayNanos - start) / 1e9));
      row.put("count", (double) resumed.replayCount);
      row.put("recovered", resumed.recovered ? 1.0 : 0.0);
    }
    row.put("lost", (double) got.lost());
    row.put("dup", (double) got.duplicates());
    row.put("out-of-order", (double) got.outOfOrder());
    row.put("srv cpu s", cpu.server());
    row.put("gen cpu s", cpu.generator());
    row.put(Quiet.OTHERS, cpu.others() / cpu.seconds());
    row.put("load1", cpu.load1());
    bench.closeSubscribers();
    return row;
  }
}
