package org.ushs.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.connection.GoAwayDelays;
import org.ushs.gateway.order.GapFiller;
import org.ushs.gateway.protocol.ErrorCode;

/**
 * A gateway verticle's part of a graceful shutdown (and of a log that started over: {@link
 * #sendAway}). First deliver what the log holds so far, so that an acknowledged publish reaches the
 * connected clients that want it before they are told to leave; then close every session with 1001
 * {@code going away}, evenly over the spread window, and shut the server down (it stops accepting
 * at once). Runs on the verticle's event loop.
 */
final class DrainAndDismiss {

  private static final Logger LOG = Logger.getLogger(DrainAndDismiss.class.getName());
  private static final long CATCH_UP_MS = 2000;
  private static final long POLL_MS = 10;

  private final Vertx vertx;
  private final LogReader reader;
  private final GapFiller filler;
  private final FanOut fanOut;
  private final Hub hub;
  private final Duration spread;
  private boolean started;

  DrainAndDismiss(
      Vertx vertx, LogReader reader, GapFiller filler, FanOut fanOut, Hub hub, Duration spread) {
    this.vertx = vertx;
    this.reader = reader;
    this.filler = filler;
    this.fanOut = fanOut;
    this.hub = hub;
    this.spread = spread;
  }

  /** Whether sessions are being told to go away: a new one is closed at once. */
  boolean started() {
    return started;
  }

  /**
   * Completes once every connection of {@code server} is closed: within the spread + close wait.
   */
  Future<Void> run(HttpServer server) {
    return catchUp()
        .recover(
            failure -> {
              LOG.log(Level.WARNING, "going away before catching up: {0}", failure.getMessage());
              return Future.succeededFuture();
            })
        .compose(
            caughtUp -> {
              started = true;
              sendAway(ErrorCode.GOING_AWAY.message);
              long grace = spread.toMillis() + Connection.CLOSE_WAIT_MS + 1000;
              return server.shutdown(grace, TimeUnit.MILLISECONDS);
            });
  }

  /**
   * Completes once the log's newest event has been handed to the sessions, or fails in a while; at
   * once when there is no session to hand it to (the node may not even be receiving events).
   */
  private Future<Void> catchUp() {
    if (hub.sessions().isEmpty()) {
      return Future.succeededFuture();
    }
    return reader
        .newest()
        .timeout(CATCH_UP_MS, TimeUnit.MILLISECONDS)
        .compose(
            newest -> {
              if (newest < 0) {
                return Future.succeededFuture();
              }
              filler.expect(newest);
              return until(() -> fanOut.next() > newest);
            });
  }

  /**
   * Closes every session with 1001 {@code reason}, evenly over the spread window, so that their
   * clients do not all reconnect at once.
   */
  void sendAway(String reason) {
    List<ClientSession> sessions = List.copyOf(hub.sessions());
    int count = sessions.size();
    for (int i = 0; i < count; i++) {
      ClientSession session = sessions.get(i);
      long delay = GoAwayDelays.delayMillis(i, count, spread);
      if (delay == 0) {
        session.close(ErrorCode.GOING_AWAY, reason);
      } else {
        vertx.setTimer(delay, id -> session.close(ErrorCode.GOING_AWAY, reason));
      }
    }
  }

  private Future<Void> until(BooleanSupplier done) {
    Promise<Void> promise = Promise.promise();
    poll(done, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_MS), promise);
    return promise.future();
  }

  private void poll(BooleanSupplier done, long deadline, Promise<Void> promise) {
    if (done.getAsBoolean()) {
      promise.complete();
    } else if (System.nanoTime() - deadline > 0) {
      promise.fail("not caught up with the log in " + CATCH_UP_MS + " ms");
    } else {
      vertx.setTimer(POLL_MS, id -> poll(done, deadline, promise));
    }
  }
}
