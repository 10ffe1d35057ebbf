package org.ushs.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Idle connections: the server's heap (live, after a full GC, through jcmd) and resident set before
 * and after opening {@code --subscribers} idle subscribers, and their cost per connection. Also the
 * server's CPU while they sit idle.
 */
final class IdleScenario {

  private static final double MB = 1048576.0;

  private final Options options;
  private final int subscribers;
  private final Report report;

  IdleScenario(Options options) {
    this.options = options;
    this.subscribers = options.integer("subscribers", 10_000);
    this.report = new Report(options.string("label", subscribers + " idle connections"));
  }

  Report run() {
    try (Bench bench = Bench.start(options, 100)) {
      Quiet quiet = new Quiet(options, bench.target.serverPid());
      for (int r = 0; r < options.integer("rounds", 1); r++) {
        report.add(quiet.round(report, () -> round(bench)));
      }
    }
    return report;
  }

  private Map<String, Double> round(Bench bench) {
    long pid = bench.target.serverPid();
    long[] heapBefore = HeapInfo.afterFullGc(pid);
    long rssBefore = pid > 0 ? Proc.rssBytes(pid) : 0;
    List<SubscriberSpec> specs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      specs.add(new SubscriberSpec(null, null));
    }
    Snapshot start = Snapshot.take(pid);
    int failed = bench.open(specs, options.integer("connect-concurrency", 64));
    Snapshot settled = Snapshot.take(pid);
    Snapshot.CpuUse connecting = start.until(settled);
    double connectSeconds = connecting.seconds();
    Bench.sleep((long) (options.decimal("idle-settle", 5) * 1000));
    Snapshot.CpuUse idle = settled.until(Snapshot.take(pid));
    long[] heapAfter = HeapInfo.afterFullGc(pid);
    long rssAfter = pid > 0 ? Proc.rssBytes(pid) : 0;
    int open = subscribers - failed;
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("connections", (double) open);
    row.put("connect failed", (double) failed);
    row.put("connect s", connectSeconds);
    row.put("conn/s", open / connectSeconds);
    row.put("srv µs/conn", Stats.micros(connecting.server(), open));
    row.put("gen µs/conn", Stats.micros(connecting.generator(), open));
    if (heapBefore != null && heapAfter != null) {
      row.put("heap before MB", heapBefore[1] / MB);
      row.put("heap after MB", heapAfter[1] / MB);
      row.put("heap KB/conn", (heapAfter[1] - heapBefore[1]) / 1024.0 / open);
      row.put("heap committed MB", heapAfter[0] / MB);
    } else {
      report.note("no heap figure: jcmd unavailable or --server-pid not given");
    }
    row.put("RSS before MB", rssBefore / MB);
    row.put("RSS after MB", rssAfter / MB);
    row.put("RSS KB/conn", (rssAfter - rssBefore) / 1024.0 / open);
    row.put("idle srv cores", idle.server() / idle.seconds());
    row.put(Quiet.OTHERS, connecting.others() / connecting.seconds());
    row.put("load1", idle.load1());
    if (failed > 0) {
      report.note("connect failure: " + bench.firstFailure());
    }
    bench.closeSubscribers();
    Bench.sleep(2000);
    return row;
  }
}
