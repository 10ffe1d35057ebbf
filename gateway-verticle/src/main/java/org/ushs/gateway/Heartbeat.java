package org.ushs.gateway;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * The server's pings: one timer per gateway verticle instance ticks every session of its hub,
 * rather than one timer per session. The timer is re-armed after each tick (fixed delay): a
 * periodic timer catches up after a stalled event loop with ticks in a row, which would time out
 * clients that had no time to answer. Runs on the verticle's event loop.
 */
final class Heartbeat {

  private final Vertx vertx;
  private final Hub hub;
  private final long intervalMs;
  private long timer = -1;
  private boolean stopped;

  Heartbeat(Vertx vertx, Hub hub, Duration interval) {
    this.vertx = vertx;
    this.hub = hub;
    this.intervalMs = Math.max(1, interval.toMillis());
  }

  void start() {
    timer = vertx.setTimer(intervalMs, id -> tick());
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  private void tick() {
    // a copy: a tick may close sessions, which leave the hub
    for (ClientSession session : List.copyOf(hub.sessions())) {
      session.heartbeat();
    }
    if (!stopped) {
      start();
    }
  }
}
