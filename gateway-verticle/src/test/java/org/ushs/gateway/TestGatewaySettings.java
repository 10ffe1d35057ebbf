package org.ushs.gateway;

import java.time.Duration;
import org.ushs.common.config.GatewaySettings;

/** Gateway settings for tests of one instance on an ephemeral loopback port. */
final class TestGatewaySettings {

  private TestGatewaySettings() {}

  static GatewaySettings onOneLoop(int maxSubscriptions, int maxSelectors) {
    return new GatewaySettings(
        "127.0.0.1",
        0,
        1,
        Duration.ofSeconds(30),
        64 * 1024,
        4 << 20,
        1000,
        10_000,
        100,
        Duration.ofMillis(50),
        8,
        Duration.ofSeconds(60),
        100,
        false,
        Duration.ofSeconds(1),
        false,
        maxSubscriptions,
        maxSelectors,
        Duration.ofSeconds(1),
        Duration.ZERO,
        100);
  }
}
