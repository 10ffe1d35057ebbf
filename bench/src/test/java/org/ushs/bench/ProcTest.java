package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing /proc text as the kernel writes it, and reading this very process. */
class ProcTest {

  @ParameterizedTest(name = "comm {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "java|12.34",
        "java (main) x|12.34",
        ") ) weird|12.34",
      })
  void cpuSecondsAreUserPlusSystemTicksAfterTheCommandName(String comm, double seconds) {
    String stat =
        "4242 ("
            + comm
            + ") S 1 4242 4242 0 -1 4194560 83 0 0 0 1000 234 0 0 20 0 57 0 3263 4783104000 "
            + "52000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    assertEquals(seconds, Proc.cpuSeconds(stat), 1e-9);
    assertEquals(2.34, Proc.systemSeconds(stat), 1e-9);
  }

  @Test
  void rssComesFromVmRssInKibibytes() {
    String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  216100 kB\nRssAnon:\t 1 kB\n";

    assertEquals(216100L * 1024, Proc.rssBytes(status));
  }

  @Test
  void machineBusyExcludesIdleAndIowait() {
    String stat = "cpu  272739 5 23771 352338 353 7 249 58 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n";

    long total = 272739 + 5 + 23771 + 352338 + 353 + 7 + 249 + 58;
    assertArrayEquals(new long[] {total - 352338 - 353, total}, Proc.machineTicks(stat));
  }

  @Test
  void jitTimeIsTheCompilerThreadsOnly(@TempDir Path tasks) throws Exception {
    thread(tasks, 11, "C2 CompilerThre", 100, 20);
    thread(tasks, 12, "C1 CompilerThre", 30, 0);
    thread(tasks, 13, "vert.x-eventloo", 900, 900);
    thread(tasks, 14, "GC Thread#0", 50, 5);

    assertEquals(1.5, Proc.jitSeconds(tasks), 1e-9);
  }

  private static void thread(Path tasks, int tid, String comm, int utime, int stime)
      throws Exception {
    Path dir = Files.createDirectories(tasks.resolve(Integer.toString(tid)));
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.writeString(
        dir.resolve("stat"),
        tid + " (" + comm + ") S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0");
  }

  @Test
  void loadIsTheFirstFigure() {
    assertEquals(9.42, Proc.load1("9.42 8.05 4.62 9/223 21331\n"), 1e-9);
  }

  @Test
  void thisProcessHasUsedSomeCpuAndMemory() {
    long self = ProcessHandle.current().pid();

    double cpu = Proc.cpuSeconds(self);
    long rss = Proc.rssBytes(self);

    org.junit.jupiter.api.Assertions.assertTrue(cpu > 0, "cpu " + cpu);
    org.junit.jupiter.api.Assertions.assertTrue(rss > 1 << 20, "rss " + rss);
  }
}
