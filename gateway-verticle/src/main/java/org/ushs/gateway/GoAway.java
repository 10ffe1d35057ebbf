package org.ushs.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.connection.Spread;
import org.ushs.gateway.order.GapFiller;
import org.ushs.gateway.order.Sequencer;
import org.ushs.gateway.protocol.ErrorCode;

/**
 * A gateway verticle's part of a graceful shutdown: deliver what the log holds so far, so that an
 * acknowledged publish reaches the connected clients that want it before they are told to leave;
 * then close every session with 1001 {@code going away}, spread over a window. Runs on the
 * verticle's event loop.
 */
final class GoAway {

  private static final long CATCH_UP_MS = 2000;
  private static final long POLL_MS = 10;

  private GoAway() {}

  /** Completes once the sequencer has delivered the log's newest event, or fails after a while. */
  static Future<Void> catchUp(
      Vertx vertx, LogReader reader, GapFiller filler, Sequencer sequencer) {
    return reader
        .newest()
        .timeout(CATCH_UP_MS, TimeUnit.MILLISECONDS)
        .compose(
            newest -> {
              if (newest < 0) {
                return Future.succeededFuture();
              }
              filler.expect(newest);
              return until(vertx, () -> sequencer.next() > newest, CATCH_UP_MS);
            });
  }

  /** Closes {@code sessions} with 1001, evenly over {@code window}. */
  static void closeAll(Vertx vertx, List<Session> sessions, Duration window) {
    int count = sessions.size();
    for (int i = 0; i < count; i++) {
      Session session = sessions.get(i);
      long delay = Spread.delayMillis(i, count, window);
      if (delay == 0) {
        leave(session);
      } else {
        vertx.setTimer(delay, id -> leave(session));
      }
    }
  }

  static void leave(Session session) {
    session.close(ErrorCode.GOING_AWAY, ErrorCode.GOING_AWAY.message);
  }

  private static Future<Void> until(Vertx vertx, BooleanSupplier done, long maxMs) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
    poll(vertx, done, deadline, promise);
    return promise.future();
  }

  private static void poll(
      Vertx vertx, BooleanSupplier done, long deadline, Promise<Void> promise) {
    if (done.getAsBoolean()) {
      promise.complete();
    } else if (System.nanoTime() - deadline > 0) {
      promise.fail("not caught up with the log in " + CATCH_UP_MS + " ms");
    } else {
      vertx.setTimer(POLL_MS, id -> poll(vertx, done, deadline, promise));
    }
  }
}
