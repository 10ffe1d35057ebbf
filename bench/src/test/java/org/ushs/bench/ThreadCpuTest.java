package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-thread CPU from jcmd Thread.print, by thread family. */
class ThreadCpuTest {

  static final String BEFORE =
      """
      "vert.x-eventloop-thread-2" #20 prio=5 os_prio=0 cpu=1000.50ms elapsed=60.1s tid=0x7f nid=0x1a runnable  [0x7f]
         java.lang.Thread.State: RUNNABLE
      "vert.x-eventloop-thread-3" #21 prio=5 os_prio=0 cpu=500.00ms elapsed=60.1s tid=0x7f nid=0x1b runnable  [0x7f]
      "C2 CompilerThread0" #6 daemon prio=9 os_prio=0 cpu=2000.00ms elapsed=60.2s tid=0x7f nid=0x10 waiting on condition  [0x0]
      """;

  static final String AFTER =
      """
      "vert.x-eventloop-thread-2" #20 prio=5 os_prio=0 cpu=2000.50ms elapsed=70.1s tid=0x7f nid=0x1a runnable  [0x7f]
      "vert.x-eventloop-thread-3" #21 prio=5 os_prio=0 cpu=1500.00ms elapsed=70.1s tid=0x7f nid=0x1b runnable  [0x7f]
      "C2 CompilerThread0" #6 daemon prio=9 os_prio=0 cpu=2500.00ms elapsed=70.2s tid=0x7f nid=0x10 waiting on condition  [0x0]
      "GC Thread#0" os_prio=0 cpu=600.00ms elapsed=70.2s tid=0x7f nid=0x11 runnable
      """;

  @Test
  void cpuUsedBetweenTwoDumpsByFamily() {
    String text = ThreadCpu.between(ThreadCpu.parse(BEFORE), ThreadCpu.parse(AFTER), 3);

    assertEquals(
        "server CPU by thread (3.1 s in all): vert.x-eventloop-thread-N 65%,"
            + " GC Thread#N 19%, C2 CompilerThreadN 16%",
        text);
  }

  @Test
  void parsesNameAndCpuByNativeId() {
    Map<String, Map.Entry<String, Double>> threads = ThreadCpu.parse(AFTER);

    assertEquals(4, threads.size());
    assertEquals(Map.entry("GC Thread#0", 600.0), threads.get("0x11"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "vert.x-eventloop-thread-12, vert.x-eventloop-thread-N",
    "hz.friendly_visvesvaraya.partition-operation.thread-0, hz.partition-operation.thread-N",
    "G1 Conc#0, G1 Conc#N"
  })
  void family(String name, String family) {
    assertEquals(family, ThreadCpu.family(name));
  }
}
