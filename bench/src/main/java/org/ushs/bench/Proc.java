package org.ushs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Linux {@code /proc} readings: a process's CPU time (all threads, user + system, and the system
 * part alone) and resident set, the whole machine's busy and total CPU time, and the load average.
 * Parsing is apart from reading so that it can be tested on sample text.
 */
final class Proc {

  /** Clock ticks per second of {@code /proc} times; 100 on every Linux the JDK runs on. */
  static final double TICKS_PER_SECOND = 100.0;

  private static final Pattern SPACES = Pattern.compile(" +");

  private Proc() {}

  /** CPU seconds (user + system, all threads) from the text of {@code /proc/<pid>/stat}. */
  static double cpuSeconds(String stat) {
    String[] fields = statFields(stat);
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /**
   * The part of {@link #cpuSeconds(String)} spent in the kernel on the process's behalf (system
   * time: its socket reads and writes, epoll waits and wake-ups).
   */
  static double systemSeconds(String stat) {
    return Long.parseLong(statFields(stat)[12]) / TICKS_PER_SECOND;
  }

  /** The fields after the command name (field 2, which may hold spaces and parentheses). */
  private static String[] statFields(String stat) {
    return SPACES.split(stat.substring(stat.lastIndexOf(')') + 2).trim(), -1);
  }

  /** The resident set in bytes from the text of {@code /proc/<pid>/status}. */
  static long rssBytes(String status) {
    for (String line : status.lines().toList()) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = SPACES.split(line.substring(6).trim(), -1);
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    throw new IllegalArgumentException("no VmRSS line");
  }

  /**
   * The machine's CPU time from the text of {@code /proc/stat}, in ticks: {@code [busy, total]},
   * busy being everything but idle and iowait.
   */
  static long[] machineTicks(String stat) {
    String cpu = stat.substring(0, stat.indexOf('\n'));
    String[] fields = SPACES.split(cpu.substring(3).trim(), -1);
    long total = 0;
    for (int i = 0; i < Math.min(fields.length, 8); i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[3]) + Long.parseLong(fields[4]);
    return new long[] {total - idle, total};
  }

  /** The 1-minute load average from the text of {@code /proc/loadavg}. */
  static double load1(String loadavg) {
    return Double.parseDouble(SPACES.split(loadavg.trim(), -1)[0]);
  }

  static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CPU seconds of process {@code pid}. */
  static double cpuSeconds(long pid) {
    return cpuSeconds(read("/proc/" + pid + "/stat"));
  }

  /**
   * CPU seconds of the JIT compiler threads of JVM {@code pid} (named {@code C1 CompilerThread0}
   * and so on; the kernel keeps the first 15 characters): the part of a figure a long-running
   * server no longer pays once its code is compiled.
   */
  static double jitSeconds(long pid) {
    return jitSeconds(Path.of("/proc/" + pid + "/task"));
  }

  /**
   * The same over the thread directories under {@code tasks} ({@code <tid>/comm}, {@code stat}).
   */
  static double jitSeconds(Path tasks) {
    double seconds = 0;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        try {
          String name = Files.readString(thread.resolve("comm"), StandardCharsets.US_ASCII);
          if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            seconds +=
                cpuSeconds(Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII));
          }
        } catch (IOException ended) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seconds;
  }

  static long rssBytes(long pid) {
    return rssBytes(read("/proc/" + pid + "/status"));
  }
}
