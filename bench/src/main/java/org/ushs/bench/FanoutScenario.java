package org.ushs.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out to N subscribers: {@code saturation} (as fast as they take it, bounded window of
 * deliveries in flight, by default 64 per subscriber), {@code fixed-rate} ({@code --rate}
 * deliveries per second) and {@code selective} (subscriber i filters on service {@code svc-(i mod
 * services)}, so each event reaches 1/services of them; saturation). Subscribers stay connected
 * over the warm-up and every round.
 */
final class FanoutScenario {

  /**
   * The default window: deliveries in flight per subscriber, so that every subscriber count is
   * measured with the same depth of queue (a fixed window would leave 10k subscribers a tenth of
   * the events in flight that 1k have, and measure round trips rather than fan-out).
   */
  static final long WINDOW_PER_SUBSCRIBER = 64;

  private final Options options;
  private final boolean selective;
  private final boolean fixedRate;
  private final int subscribers;
  private final int services;
  private final long[] perService;
  private final Report report;
  private Bench bench;
  private long closedBefore;

  FanoutScenario(Options options) {
    this.options = options;
    this.selective = options.scenario().equals("selective");
    this.fixedRate = options.scenario().equals("fixed-rate");
    this.subscribers = options.integer("subscribers", 1000);
    this.services = options.integer("services", 100);
    this.perService = new long[services];
    for (int i = 0; i < subscribers; i++) {
      perService[i % services] += selective ? 1 : 0;
    }
    if (!selective) {
      Arrays.fill(perService, subscribers);
    }
    this.report = new Report(options.string("label", options.scenario() + " " + subscribers));
  }

  Report run() {
    try (Bench started = Bench.start(options, services)) {
      bench = started;
      connect();
      double warmup = options.decimal("warmup", 3);
      if (warmup > 0) {
        System.out.println("  warm-up " + warmup + " s");
        round(warmup);
      }
      Quiet quiet = new Quiet(options, bench.target.serverPid());
      String jfr = options.string("jfr", null);
      if (jfr != null) {
        startRecording(jfr);
      }
      long jvmPid = bench.target.nats() ? 0 : bench.target.serverPid(); // jcmd's SIGQUIT kills Go
      var threads = ThreadCpu.take(jvmPid);
      for (int r = 0; r < options.integer("rounds", 3); r++) {
        report.add(quiet.round(report, () -> round(options.decimal("duration", 8))));
      }
      if (jvmPid > 0) {
        report.note(ThreadCpu.between(threads, ThreadCpu.take(jvmPid), 8));
      }
      if (jfr != null) {
        Jcmd.run(bench.target.serverPid(), "JFR.stop", "name=ushs-bench");
      }
      Map<Short, Integer> codes = bench.closeCodes();
      if (!codes.isEmpty()) {
        report.note("connections closed during the run, by close code: " + codes);
      }
      bench.closeSubscribers();
    }
    return report;
  }

  /** A JFR recording on the server, after the warm-up, written when stopped. */
  private void startRecording(String file) {
    String started =
        Jcmd.run(
            bench.target.serverPid(),
            "JFR.start",
            "name=ushs-bench",
            "settings=profile",
            "filename=" + java.nio.file.Path.of(file).toAbsolutePath());
    report.note(started == null ? "JFR could not be started" : "JFR recording to " + file);
  }

  private void connect() {
    List<SubscriberSpec> specs = new ArrayList<>(subscribers);
    for (int i = 0; i < subscribers; i++) {
      specs.add(
          new SubscriberSpec(selective ? EventFactory.serviceName(i % services) : null, null));
    }
    long start = System.nanoTime();
    int failed = bench.open(specs, options.integer("connect-concurrency", 64));
    double seconds = (System.nanoTime() - start) / 1e9;
    report.note(
        String.format(
            java.util.Locale.ROOT,
            "%d subscribers connected in %.1f s (%d failed%s) from %s",
            subscribers - failed,
            seconds,
            failed,
            failed > 0 ? ": " + bench.firstFailure() : "",
            bench.target.localAddresses()));
    if (failed > 0) {
      closedBefore = failed;
    }
  }

  private PublishPlan plan(double seconds) {
    if (fixedRate) {
      double eventsPerSecond = options.decimal("rate", 20_000) / perService[0];
      return new PublishPlan(
          PublishPlan.Mode.RATE,
          eventsPerSecond,
          0,
          options.integer("batch", 100),
          options.integer("concurrency", 8),
          0,
          seconds,
          PublishPlan.perService(perService));
    }
    return new PublishPlan(
        PublishPlan.Mode.WINDOW,
        0,
        options.number("window", WINDOW_PER_SUBSCRIBER * subscribers),
        options.integer("batch", 10),
        options.integer("concurrency", 4),
        options.number("events", 0),
        seconds,
        PublishPlan.perService(perService));
  }

  private Map<String, Double> round(double seconds) {
    bench.reset(bench.publisher.nextN());
    Snapshot before = Snapshot.take(bench.target.serverPid());
    OtherNodes others = OtherNodes.of(options);
    PublishResult published = Bench.await(bench.publisher.run(plan(seconds)), (long) seconds + 300);
    bench.awaitDeliveries(published.expectedDeliveries(), options.decimal("drain-timeout", 5));
    Snapshot.CpuUse cpu = before.until(Snapshot.take(bench.target.serverPid()));
    Map<String, Double> perNode = others.microsPerEvent(published.acked());
    LaneResult got = bench.collect(spec -> expected(spec, published));
    double active = Math.max(1e-9, (got.lastDeliveryNanos() - published.startNanos()) / 1e9);
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("events", (double) published.acked());
    row.put("pub ev/s", published.acked() / published.seconds());
    row.put("deliv/s", got.deliveries() / active);
    putLatency(row, got);
    row.put("lost", (double) got.lost());
    row.put("dup", (double) got.duplicates());
    row.put("out-of-order", (double) got.outOfOrder());
    row.put("closed", (double) (got.closed() - closedBefore));
    closedBefore = got.closed();
    row.put("pub failed", (double) published.failed());
    row.put("srv µs/deliv", Stats.micros(cpu.server(), got.deliveries()));
    row.put("srv µs/event", Stats.micros(cpu.server(), published.acked()));
    row.put("of it JIT µs/event", Stats.micros(cpu.serverJit(), published.acked()));
    row.put("of it system µs/deliv", Stats.micros(cpu.serverSystem(), got.deliveries()));
    row.put("of it system µs/event", Stats.micros(cpu.serverSystem(), published.acked()));
    row.putAll(perNode);
    row.put("ack p50 ms", published.ackLatency().getValueAtPercentile(50) / 1000.0);
    row.put("ack p99 ms", published.ackLatency().getValueAtPercentile(99) / 1000.0);
    row.put("srv cores", cpu.server() / cpu.seconds());
    row.put("srv RSS MB", cpu.serverRss() / 1048576.0);
    row.put("gen µs/deliv", Stats.micros(cpu.generator(), got.deliveries()));
    row.put("gen cores", cpu.generator() / cpu.seconds());
    row.put(Quiet.OTHERS, cpu.others() / cpu.seconds());
    row.put("load1", cpu.load1());
    row.put(
        "frame B", got.deliveries() == 0 ? Double.NaN : (double) got.bytes() / got.deliveries());
    if (published.firstFailure() != null) {
      report.note("publish failure: " + published.firstFailure());
    }
    return row;
  }

  static void putLatency(Map<String, Double> row, LaneResult got) {
    org.HdrHistogram.Histogram latency = got.latency();
    row.put("p50 ms", latency.getValueAtPercentile(50) / 1000.0);
    row.put("p90 ms", latency.getValueAtPercentile(90) / 1000.0);
    row.put("p99 ms", latency.getValueAtPercentile(99) / 1000.0);
    row.put("p99.9 ms", latency.getValueAtPercentile(99.9) / 1000.0);
    row.put("max ms", latency.getMaxValue() / 1000.0);
  }

  private long expected(SubscriberSpec spec, PublishResult published) {
    if (spec.service() == null) {
      return published.acked();
    }
    int k = Integer.parseInt(spec.service().substring("svc-".length()));
    return published.ackedPerService().get(k);
  }
}
