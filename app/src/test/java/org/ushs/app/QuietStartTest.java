package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A node starts without warnings that point operators at no real problem. */
@Tag("integration")
class QuietStartTest {

  @Test
  void noCpSubsystemUnsafeWarningAtStart() {
    try (LogCapture logs = new LogCapture();
        TestNodes cluster = TestNodes.start(1, Map.of())) {
      List<String> unsafe = logs.since(0, line -> line.contains("CP Subsystem"));

      assertEquals(List.of(), unsafe);
      assertTrue(cluster.node(0).gatewayPort() > 0);
    }
  }
}
