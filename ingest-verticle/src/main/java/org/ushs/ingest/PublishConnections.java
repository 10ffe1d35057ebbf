package org.ushs.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.ushs.common.config.IngestSettings;
import org.ushs.common.net.IpConnections;
import org.ushs.common.net.IpConnections.Admission;
import org.ushs.common.net.RefusalLog;

/**
 * The publish port's bounds on each connection: connections per IP address and in all ({@link
 * IpConnections}); a connection must complete its first request head within {@code headerTimeout}
 * and each later one within {@code idleTimeout} of the previous response; and once its head is in,
 * a request must be received in full within {@code bodyTimeout} (else 408 and close). A connection
 * over the bound of its address is answered 429 and closed; one over the port's bound is closed at
 * once. Used on the ingest verticle's context only.
 */
final class PublishConnections {

  private static final class State {
    final String ip;
    final Admission admission;
    long timer = -1;

    State(String ip, Admission admission) {
      this.ip = ip;
      this.admission = admission;
    }
  }

  private final Vertx vertx;
  private final IngestSettings settings;
  private final IpConnections limits;
  private final RefusalLog refusals;
  private final Map<HttpConnection, State> states = new HashMap<>();

  PublishConnections(
      Vertx vertx, IngestSettings settings, IpConnections limits, RefusalLog refusals) {
    this.vertx = vertx;
    this.settings = settings;
    this.limits = limits;
    this.refusals = refusals;
  }

  /** A new connection: admitted, kept to be answered 429, or closed at once. */
  void opened(HttpConnection connection) {
    String ip = connection.remoteAddress().hostAddress();
    Admission admission = limits.open(ip);
    if (admission == Admission.OVER_TOTAL) {
      refusals.refused(
          "publish port full",
          "publish port refused (publish port full): " + limits.total() + " connections open");
      connection.close();
      return;
    }
    State state = new State(ip, admission);
    states.put(connection, state);
    connection.closeHandler(closed -> released(connection));
    deadline(connection, state, settings.headerTimeout().toMillis(), "header timeout");
  }

  /**
   * A request's head is in: false when the request is already answered (its connection is over the
   * bound of its address), true when it may be handled.
   */
  boolean headReceived(HttpServerRequest request) {
    State state = states.get(request.connection());
    if (state == null) {
      return true; // closed meanwhile: the request goes nowhere
    }
    cancel(state);
    if (state.admission == Admission.OVER_IP) {
      refusals.refused(
          "connections per IP",
          "publish port refused (connections per IP): "
              + limits.perIp()
              + " per IP from "
              + state.ip);
      refuse(
          request, 429, "Too Many Connections", "connection limit: " + limits.perIp() + " per IP");
      return false;
    }
    state.timer =
        vertx.setTimer(settings.bodyTimeout().toMillis(), fired -> bodyTimedOut(request, state));
    request.response().endHandler(ended -> keptAlive(request.connection()));
    return true;
  }

  /** The request's body is in: it is no longer bound by the body timeout. */
  void bodyReceived(HttpServerRequest request) {
    State state = states.get(request.connection());
    if (state != null) {
      cancel(state);
    }
  }

  private void keptAlive(HttpConnection connection) {
    State state = states.get(connection);
    if (state != null) {
      deadline(connection, state, settings.idleTimeout().toMillis(), "keep-alive timeout");
    }
  }

  private void deadline(HttpConnection connection, State state, long millis, String kind) {
    cancel(state);
    state.timer =
        vertx.setTimer(
            millis,
            fired -> {
              state.timer = -1;
              refusals.refused(
                  kind,
                  "publish port refused ("
                      + kind
                      + "): request head not complete from "
                      + state.ip);
              connection.close();
            });
  }

  private void bodyTimedOut(HttpServerRequest request, State state) {
    state.timer = -1;
    refusals.refused(
        "body timeout",
        "publish port refused (body timeout): " + "request body not complete from " + state.ip);
    if (request.response().headWritten()) {
      request.connection().close();
    } else {
      refuse(request, 408, "Request Timeout", "the request body took too long");
    }
  }

  /** Answers with a problem and closes the connection once the answer is sent. */
  static void refuse(HttpServerRequest request, int status, String title, String detail) {
    JsonObject problem = Problems.of(status, title, detail);
    request
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problems.MEDIA_TYPE)
        .putHeader("Connection", "close")
        .end(problem.toBuffer())
        .onComplete(sent -> request.connection().close());
  }

  private void released(HttpConnection connection) {
    State state = states.remove(connection);
    if (state != null) {
      cancel(state);
      if (state.admission == Admission.ADMITTED) {
        limits.closed(state.ip);
      }
    }
  }

  private void cancel(State state) {
    if (state.timer >= 0) {
      vertx.cancelTimer(state.timer);
      state.timer = -1;
    }
  }

  /** Connections this instance tracks now (for tests). */
  int tracked() {
    return states.size();
  }
}
