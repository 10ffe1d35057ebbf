package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A node starts without warnings that point operators at no real problem. */
@Tag("integration")
class QuietStartTest {

  // before the nodes, so it sees their start
  @Order(1)
  @RegisterExtension
  static final LogCaptureExtension logs = new LogCaptureExtension();

  @Order(2)
  @RegisterExtension
  static final NodesExtension nodes = NodesExtension.start(1);

  @Test
  void noCpSubsystemUnsafeWarningAtStart() {
    assertTrue(nodes.node(0).gatewayPort() > 0);
    List<String> unsafe = logs.capture().since(0, line -> line.contains("CP Subsystem"));

    assertEquals(List.of(), unsafe);
  }
}
