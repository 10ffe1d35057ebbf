package org.ushs.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.LogReader;

/**
 * Ready means: this node is a member of the cluster, the replay log answers in time, and the node
 * is not shutting down.
 */
final class NodeReadiness implements Readiness {

  private static final long LOG_TIMEOUT_MS = 2000;

  private final HazelcastClusterManager cluster;
  private final LogReader log;
  private volatile boolean shuttingDown;

  NodeReadiness(HazelcastClusterManager cluster, LogReader log) {
    this.cluster = cluster;
    this.log = log;
  }

  /** From now on the node reports not ready, so that load balancers send no new clients. */
  void shuttingDown() {
    shuttingDown = true;
  }

  @Override
  public Future<JsonObject> check() {
    if (shuttingDown) {
      return Future.failedFuture("shutting down");
    }
    if (!cluster.isActive()) {
      return Future.failedFuture("not a cluster member");
    }
    return log.newest()
        .timeout(LOG_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture("replay log unreachable: " + failure.getMessage()))
        .map(
            newest ->
                new JsonObject()
                    .put("members", cluster.getNodes().size())
                    .put("newestSequence", newest));
  }
}
