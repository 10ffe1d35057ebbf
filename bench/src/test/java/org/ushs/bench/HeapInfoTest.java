package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Reading jcmd GC.heap_info as G1 and Parallel GC print it. */
class HeapInfoTest {

  @Test
  void g1HeapLine() {
    String info =
        """
        13782:
         garbage-first heap   total 286720K, used 123843K [0x0000000080000000, 0x0000000100000000)
          region size 1024K, 8 young (8192K), 0 survivors (0K)
         Metaspace       used 45469K, committed 45888K, reserved 1114112K
        """;

    assertArrayEquals(new long[] {286720L * 1024, 123843L * 1024}, HeapInfo.parse(info));
  }

  @Test
  void parallelHeapIsTheSumOfItsGenerations() {
    String info =
        """
        77:
         PSYoungGen      total 76288K, used 3932K [0x00000000fab00000)
         ParOldGen       total 175104K, used 120K [0x00000000f0000000)
        """;

    assertArrayEquals(
        new long[] {(76288L + 175104) * 1024, (3932L + 120) * 1024}, HeapInfo.parse(info));
  }

  @Test
  void noHeapLine() {
    assertNull(HeapInfo.parse("12: Could not attach\n"));
  }
}
