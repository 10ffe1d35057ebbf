package org.ushs.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server's CPU by thread, from {@code jcmd <pid> Thread.print} (which gives each thread's CPU
 * time, JVM threads included): what JFR's Java samples cannot show, such as the JIT compiler, GC
 * threads or Hazelcast's own threads.
 */
final class ThreadCpu {

  private static final Pattern THREAD =
      Pattern.compile("^\"([^\"]*)\".*? cpu=([0-9.]+)ms.*? nid=(0x[0-9a-f]+)", Pattern.MULTILINE);

  private ThreadCpu() {}

  /** Milliseconds of CPU by native thread id, name: {@code nid -> [name, ms]}, from the dump. */
  static Map<String, Map.Entry<String, Double>> parse(String threadDump) {
    Map<String, Map.Entry<String, Double>> threads = new HashMap<>();
    Matcher matcher = THREAD.matcher(threadDump);
    while (matcher.find()) {
      threads.put(
          matcher.group(3), Map.entry(matcher.group(1), Double.parseDouble(matcher.group(2))));
    }
    return threads;
  }

  /** The family of a thread: its number and Hazelcast's random instance name left out. */
  static String family(String name) {
    return name.replaceAll("^hz\\.[^.]+\\.", "hz.").replaceAll("\\d+$", "N");
  }

  /** Now, for process {@code pid}; empty when jcmd is unavailable. */
  static Map<String, Map.Entry<String, Double>> take(long pid) {
    String dump = pid > 0 ? Jcmd.run(pid, "Thread.print") : null;
    return dump == null ? Map.of() : parse(dump);
  }

  /** The CPU used between two dumps by thread family, the largest {@code top} as text. */
  static String between(
      Map<String, Map.Entry<String, Double>> before,
      Map<String, Map.Entry<String, Double>> after,
      int top) {
    Map<String, Double> families = new HashMap<>();
    after.forEach(
        (nid, thread) -> {
          Map.Entry<String, Double> earlier = before.get(nid);
          double used = thread.getValue() - (earlier == null ? 0 : earlier.getValue());
          families.merge(family(thread.getKey()), used, Double::sum);
        });
    double total = families.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total <= 0) {
      return "";
    }
    return families.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(top)
        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue() / total))
        .collect(
            Collectors.joining(
                ", ",
                String.format(Locale.ROOT, "server CPU by thread (%.1f s in all): ", total / 1000),
                ""));
  }
}
