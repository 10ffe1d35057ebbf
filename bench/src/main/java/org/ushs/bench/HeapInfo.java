package org.ushs.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's Java heap, through {@code jcmd} (the server exposes no heap figure): a full GC
 * ({@code GC.run}) then {@code GC.heap_info}, so that "used" is live data.
 */
final class HeapInfo {

  private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private HeapInfo() {}

  /**
   * {@code [committed, used]} bytes from the text of {@code GC.heap_info}: the sum of its heap
   * lines (G1 prints one, Parallel one per generation); null when it has none.
   */
  static long[] parse(String heapInfo) {
    Matcher matcher = HEAP.matcher(heapInfo);
    long[] sum = {0, 0};
    boolean found = false;
    while (matcher.find()) {
      found = true;
      sum[0] += Long.parseLong(matcher.group(1)) * 1024;
      sum[1] += Long.parseLong(matcher.group(2)) * 1024;
    }
    return found ? sum : null;
  }

  /** {@code [committed, used]} bytes after a full GC of process {@code pid}; null if unknown. */
  static long[] afterFullGc(long pid) {
    if (pid <= 0 || Jcmd.run(pid, "GC.run") == null) {
      return null;
    }
    String info = Jcmd.run(pid, "GC.heap_info");
    return info == null ? null : parse(info);
  }
}
