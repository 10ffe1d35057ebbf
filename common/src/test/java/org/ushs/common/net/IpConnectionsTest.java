package org.ushs.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ushs.common.net.IpConnections.Admission;

/** {@link IpConnections}: bounds per address and in all; refused openings hold nothing. */
class IpConnectionsTest {

  @Test
  void boundsPerAddressAndInAll() {
    IpConnections ips = new IpConnections(2, 3);
    assertEquals(Admission.ADMITTED, ips.open("a"));
    assertEquals(Admission.ADMITTED, ips.open("a"));
    assertEquals(Admission.OVER_IP, ips.open("a"));
    assertEquals(Admission.ADMITTED, ips.open("b"));
    assertEquals(Admission.OVER_TOTAL, ips.open("c"));
    assertEquals(3, ips.open());
    ips.closed("a");
    assertEquals(Admission.ADMITTED, ips.open("c"));
    ips.closed("nobody");
    assertEquals(3, ips.open());
  }
}
