package org.ushs.common.config;

import java.time.Duration;

/**
 * The client WebSocket side: port, heartbeat, per-connection limits, how long a gap in the live
 * stream may stay open before it is read from the log, and connection management: how long an HTTP
 * connection may take to complete its upgrade, connections per principal, per-message compression,
 * the window over which clients are told to go away at shutdown, and whether the gateway serves the
 * live page at {@code /ushs/ui} ({@code ui}); per connection, how many subscriptions and selectors
 * (event-type names over all its subscriptions) it may hold, and how long a connection with a
 * resume point and no subscription waits for its first {@code subscribe} before it answers {@code
 * replay} ({@code resumeWait}); and how long each connection may hold messages before a write
 * ({@code writeDelay}, zero: written at the end of each event-loop turn); open connections per
 * client IP address ({@code maxConnectionsPerIp}, refused with 1013).
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
    Duration handshakeTimeout,
    int maxConnectionsPerIdentity,
    boolean compression,
    Duration shutdownSpread,
    boolean ui,
    int maxSubscriptions,
    int maxSelectors,
    Duration resumeWait,
    Duration writeDelay,
    int maxConnectionsPerIp) {

  /** Concurrent replays each gateway instance may run: its share of the node's bound. */
  public int replaysPerInstance() {
    return Math.max(1, (maxReplays + instances - 1) / instances);
  }
}
