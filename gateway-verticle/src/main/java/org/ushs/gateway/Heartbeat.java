package org.ushs.gateway;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * The server's pings: one periodic timer per gateway verticle instance ticks every session of its
 * hub, rather than one timer per session. Runs on the verticle's event loop.
 */
final class Heartbeat {

  private final Vertx vertx;
  private final Hub hub;
  private final long intervalMs;
  private long timer = -1;

  Heartbeat(Vertx vertx, Hub hub, Duration interval) {
    this.vertx = vertx;
    this.hub = hub;
    this.intervalMs = Math.max(1, interval.toMillis());
  }

  void start() {
    timer = vertx.setPeriodic(intervalMs, id -> tick());
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  private void tick() {
    // a copy: a tick may close sessions, which leave the hub
    for (Session session : List.copyOf(hub.sessions())) {
      session.heartbeat();
    }
  }
}
