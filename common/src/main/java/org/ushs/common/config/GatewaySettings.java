package org.ushs.common.config;

import java.time.Duration;

/**
 * The client WebSocket side: port, heartbeat, per-connection limits, and how long a gap in the live
 * stream may stay open before it is read from the log; {@code ui}: whether the gateway serves the
 * live page at {@code /ushs/ui}.
 */
public record GatewaySettings(
    String bindHost,
    int port,
    int instances,
    Duration pingInterval,
    int maxFrame,
    int maxPending,
    int rateLimit,
    int rateBurst,
    int maxConnections,
    Duration gapWait,
    int maxReplays,
    boolean ui) {

  /** Concurrent replays each gateway instance may run: its share of the node's bound. */
  public int replaysPerInstance() {
    return Math.max(1, (maxReplays + instances - 1) / instances);
  }
}
