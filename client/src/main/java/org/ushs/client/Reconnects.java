package org.ushs.client;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The reconnect decisions of one client: which endpoint next, how long to wait, when to give up.
 * {@link #afterClose} is pure given the random source; timers are the only I/O. Each reconnect
 * moves to the next endpoint; attempts count from the last accepted connection.
 */
final class Reconnects {

  /** The decision after a connection ended: stop (with why), or reconnect after {@code delay}. */
  record Next(boolean stop, String reason, Duration delay) {}

  private final List<URI> endpoints;
  private final BackoffPolicy backoff;
  private final ClientOptions options;
  private int endpointIndex;
  private int attempt;
  private int failedAttempts;
  private long timer = -1;

  Reconnects(ClientOptions options) {
    this.options = options;
    this.endpoints = options.endpoints();
    this.backoff = options.backoff();
  }

  URI endpoint() {
    return endpoints.get(endpointIndex);
  }

  /** The server accepted a connection: the backoff starts over. */
  void accepted() {
    attempt = 0;
    failedAttempts = 0;
  }

  /** What to do after a connection that ended with {@code code} (null: none or never opened). */
  Next afterClose(Integer code, String reason, boolean wasAccepted) {
    CloseCodePolicy.Action action = CloseCodePolicy.forClose(code);
    if (action == CloseCodePolicy.Action.STOP) {
      return new Next(true, reason, null);
    }
    if (!wasAccepted) {
      failedAttempts++;
      if (options.maxAttempts() > 0 && failedAttempts >= options.maxAttempts()) {
        return new Next(true, "gave up after " + failedAttempts + " attempts: " + reason, null);
      }
    }
    Duration delay =
        action == CloseCodePolicy.Action.RECONNECT_NOW
            ? Duration.ZERO
            : backoff.delay(attempt, options.random());
    Duration retryAfter = CloseCodePolicy.retryAfter(reason).orElse(Duration.ZERO);
    attempt++;
    endpointIndex = (endpointIndex + 1) % endpoints.size();
    return new Next(false, reason, retryAfter.compareTo(delay) > 0 ? retryAfter : delay);
  }

  void schedule(Vertx vertx, Duration delay, Runnable open) {
    timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> open.run());
  }

  void cancel(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
