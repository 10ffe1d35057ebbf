package org.ushs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code java -jar ushs-bench.jar <scenario> [--option value]...}; see {@link #USAGE}. Each
 * scenario prints its rounds as it goes, then its table; {@code --out} appends the table (markdown)
 * to a file, {@code --json} a JSON line of the medians.
 */
public final class BenchMain {

  static final String USAGE =
      """
      usage: java -jar ushs-bench.jar <scenario> [options]
      scenarios:
        saturation   N subscribers, publish as fast as they take it (bounded window)
        fixed-rate   N subscribers, --rate deliveries/s; latency
        selective    N subscribers, subscriber i filters service svc-(i mod --services)
        ingest       acked events/s over HTTP, --batch events per request
        resume       time until a Last-Event-ID resume of --events events is done
        idle         heap and RSS per idle connection (jcmd GC.heap_info, /proc)
        shed         one subscriber reading --read-rate B/s under --rate events/s of mixed
                     severities: what reached it by severity, gaps announced, its close code
        profile-summary FILE.jfr [--top 25]   top frames of a JFR recording
        goals FILE.jsonl   the medians of --json against the competitors and issue 7's goals
      options: --secret S (required) --gateway-port 8080 --ingest-port 8081 --host 127.0.0.1
        --server-pid PID --subscribers N --rounds 3 --duration 8 --warmup 3 --rate 20000
        --events M --batch B --concurrency C --window 64*N --services 100 --loops 2
        --local-addresses 127.0.0.1,127.0.0.2 --connect-concurrency 64 --drain-timeout 5
        --idle-settle 5 --read-rate 300000 --server ushs|nats --nats-port 4222
        --node-pids P2,P3 (other nodes: CPU per event each) --label TEXT --out FILE.md --json FILE.jsonl --key NAME
        --jfr FILE (saturation, fixed-rate, selective: record the server after the warm-up)
        --quiet-threshold 0.35 --quiet-wait 30 --retries 1 (wait for / re-run when others are busy)
      """;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ushs-bench: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (options.scenario().equals("profile-summary") || options.scenario().equals("goals")) {
      Path file = Path.of(options.arguments().get(0));
      String summary =
          options.scenario().equals("goals")
              ? Goals.markdown(file)
              : ProfileSummary.summarize(file, options.integer("top", 25));
      System.out.println(summary);
      String out = options.string("out", null);
      if (out != null) {
        Files.writeString(
            Path.of(out), summary, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      return;
    }
    Report report;
    try {
      report = scenario(options);
    } catch (IllegalArgumentException e) {
      System.err.println("ushs-bench: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    System.out.println();
    System.out.println(report.markdown());
    report.write(options);
    System.exit(0);
  }

  private static Report scenario(Options options) {
    return switch (options.scenario()) {
      case "saturation", "fixed-rate", "selective" -> new FanoutScenario(options).run();
      case "ingest" -> new IngestScenario(options).run();
      case "resume" -> new ResumeScenario(options).run();
      case "idle" -> new IdleScenario(options).run();
      case "shed" -> new ShedScenario(options).run();
      default -> throw new IllegalArgumentException("unknown scenario " + options.scenario());
    };
  }
}
