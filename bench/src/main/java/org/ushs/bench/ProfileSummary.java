package org.ushs.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates a JFR recording's execution samples: the hottest methods on top of the stack (self),
 * the hottest of our own and Vert.x/Netty methods anywhere in the stack (inclusive), the share of
 * each thread and of each library on top of the stack; threads in native code (JFR's execution
 * samples miss time spent in system calls, which these show); GC pauses and the most allocated
 * classes.
 */
final class ProfileSummary {

  private final Map<String, Integer> self = new HashMap<>();
  private final Map<String, Integer> inclusive = new HashMap<>();
  private final Map<String, Integer> threads = new HashMap<>();
  private final Map<String, Integer> natives = new HashMap<>();
  private final Map<String, Integer> libraries = new HashMap<>();
  private final Map<String, Double> allocated = new HashMap<>();
  private final Map<String, Double> allocationSites = new HashMap<>();
  private int samples;
  private Duration gcPauses = Duration.ZERO;
  private int gcs;

  static String summarize(Path recording, int top) throws IOException {
    ProfileSummary summary = new ProfileSummary();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      summary.accept(event);
    }
    return summary.markdown(top);
  }

  private void accept(RecordedEvent event) {
    String type = event.getEventType().getName();
    if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
      samples++;
      String thread = event.getThread("sampledThread").getJavaName();
      threads.merge(String.valueOf(thread).replaceAll("\\d+$", "N"), 1, Integer::sum);
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        String top = name(frames.get(0).getMethod());
        self.merge(top, 1, Integer::sum);
        libraries.merge(library(top), 1, Integer::sum);
      }
      Set<String> once = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame.getMethod());
        if (isOurs(name) && once.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
      }
    } else if (type.equals("jdk.NativeMethodSample") && event.getStackTrace() != null) {
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        natives.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
      }
    } else if (type.equals("jdk.GarbageCollection")) {
      gcs++;
      gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
    } else if (type.equals("jdk.ObjectAllocationSample")) {
      double weight = event.getLong("weight");
      allocated.merge(event.getClass("objectClass").getName(), weight, Double::sum);
      if (event.getStackTrace() != null) {
        event.getStackTrace().getFrames().stream()
            .map(frame -> name(frame.getMethod()))
            .filter(method -> !method.startsWith("java.") && !method.startsWith("jdk."))
            .findFirst()
            .ifPresent(site -> allocationSites.merge(site, weight, Double::sum));
      }
    }
  }

  static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }

  /** The library a method belongs to, by package. */
  static String library(String method) {
    for (String prefix :
        List.of(
            "org.ushs.",
            "io.netty.",
            "io.vertx.",
            "com.hazelcast.",
            "com.fasterxml.",
            "sun.nio.",
            "java.",
            "jdk.",
            "sun.")) {
      if (method.startsWith(prefix)) {
        return prefix + "*";
      }
    }
    return "other";
  }

  /**
   * Our code, and the layers below it that tell where fan-out time goes: WebSocket frames, HTTP,
   * socket I/O. (The event-bus dispatch frames above us are on every stack and tell nothing.)
   */
  private static boolean isOurs(String method) {
    return method.startsWith("org.ushs.")
        || method.startsWith("io.vertx.core.http.")
        || method.startsWith("io.netty.handler.codec.")
        || method.startsWith("io.netty.channel.nio.")
        || method.startsWith("sun.nio.ch.");
  }

  private String markdown(int top) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%d execution samples; %d GCs, %d ms of pauses.%n%n",
            samples,
            gcs,
            gcPauses.toMillis()));
    table(md, "threads (samples)", threads, top);
    table(md, "library of the top frame", libraries, top);
    table(md, "top frames (self)", self, top);
    table(
        md,
        "threads in native code (jdk.NativeMethodSample; epoll waits are idle, reads and writes are"
            + " socket syscalls)",
        natives,
        10);
    table(
        md,
        "org.ushs, Vert.x HTTP, Netty codec/NIO methods anywhere in the stack (inclusive)",
        inclusive,
        top);
    table(md, "allocated classes (MB, sampled)", megabytes(allocated), 10);
    table(
        md,
        "allocation sites: first frame outside the JDK (MB, sampled)",
        megabytes(allocationSites),
        10);
    return md.toString();
  }

  private static Map<String, Integer> megabytes(Map<String, Double> bytes) {
    return bytes.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> (int) (e.getValue() / 1048576)));
  }

  private void table(StringBuilder md, String title, Map<String, Integer> counts, int top) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    md.append("| ").append(title).append(" | n | % |\n|---|---:|---:|\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %d | %.1f |%n",
                        e.getKey(),
                        e.getValue(),
                        total == 0
                            ? 0
                            : 100.0
                                * e.getValue()
                                / (title.contains("inclusive") ? samples : total))));
    md.append('\n');
  }
}
