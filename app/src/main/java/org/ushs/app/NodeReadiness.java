package org.ushs.app;

import com.hazelcast.cluster.Member;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.LogReader;
import org.ushs.common.log.RingbufferEventLog;

/** Ready means: this node is a member of the cluster and the replay log answers in time. */
final class NodeReadiness implements Readiness {

  private static final long LOG_TIMEOUT_MS = 2000;

  private final HazelcastClusterManager cluster;
  private final LogReader log;

  NodeReadiness(HazelcastClusterManager cluster, LogReader log) {
    this.cluster = cluster;
    this.log = log;
  }

  @Override
  public Future<JsonObject> check() {
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
                    .put("newestSequence", newest)
                    .put("logOwner", ownsLog()));
  }

  /** Whether this member holds the primary copy of the replay log (the others hold backups). */
  private boolean ownsLog() {
    Member owner =
        cluster
            .getHazelcastInstance()
            .getPartitionService()
            .getPartition(RingbufferEventLog.RING)
            .getOwner();
    return owner != null && owner.localMember();
  }
}
