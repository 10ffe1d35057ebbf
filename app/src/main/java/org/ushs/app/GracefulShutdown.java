package org.ushs.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.gateway.GatewayVerticle;
import org.ushs.ingest.IngestVerticle;

/**
 * A node's shutdown, in order: report not ready; stop taking publishes and finish those in flight
 * (logged and acknowledged); deliver what the log holds to connected clients and tell them to go
 * away with 1001, spread in time, so they reconnect to other nodes; then undeploy, leave the
 * cluster and close Vert.x. Each step is bounded, so the whole takes at most {@link #DRAIN_MS} +
 * the gateway's spread + its close wait + a few seconds; a step that fails is logged and the next
 * runs.
 */
final class GracefulShutdown {

  static final long DRAIN_MS = 5000;

  private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());

  private GracefulShutdown() {}

  /** {@code readiness} may be null (not started); the lists are empty where a role is not here. */
  static Future<Void> run(
      Vertx vertx,
      NodeReadiness readiness,
      List<IngestVerticle> ingests,
      List<GatewayVerticle> gateways) {
    if (readiness != null) {
      readiness.shuttingDown();
    }
    Future<Void> drained =
        Future.join(ingests.stream().map(ingest -> ingest.drain(DRAIN_MS)).toList()).mapEmpty();
    return step("publishes drained", drained)
        .compose(ok -> step("clients told to go away", goAway(gateways)).map(ok2 -> ok && ok2))
        .compose(ok -> vertx.close().compose(closed -> ok ? Future.succeededFuture() : failed()));
  }

  private static Future<Void> goAway(List<GatewayVerticle> gateways) {
    return Future.all(gateways.stream().map(GatewayVerticle::goAway).toList()).mapEmpty();
  }

  private static Future<Boolean> step(String name, Future<Void> step) {
    return step.map(done -> true)
        .otherwise(
            failure -> {
              LOG.log(Level.WARNING, "shutdown: not {0}: {1}", new Object[] {name, failure});
              return false;
            });
  }

  private static Future<Void> failed() {
    return Future.failedFuture("shutdown incomplete; see the warnings above");
  }
}
