package org.ushs.app;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ushs.common.bus.EventFeed;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.LogReader;
import org.ushs.common.log.PartitionId;
import org.ushs.common.log.writer.AppendHealth;

/**
 * Ready means: this node is a member of the cluster, sees the log's quorum (when one is
 * configured), the replay log answers in time, appends through this node have not been failing
 * ({@link AppendHealth}: writer failing, log unreachable, log full by bytes), and, with the gateway
 * role, the node's event consumer is registered (it can deliver). The details: {@code members}
 * (USHS nodes; healing services' lite members are not counted), {@code newestSequence}, {@code
 * logOwner} (this node holds the log's primary copy), {@code logBackup} (its first backup copy),
 * {@code quorum} (with three or more configured members), {@code events} (with the gateway role:
 * {@code receiving}, or {@code dormant} while no client is connected, see {@code EventFeed}), and
 * {@code clusterSafe} (every partition has its backups in place: once the cluster has settled after
 * a node loss, another loss loses nothing). A node that lost quorum is not ready again until it has
 * caught up on the log ({@link LogStanding}), and until then refuses resumes ({@link
 * #historyWithheld}). A node shutting down is not ready.
 */
final class NodeReadiness implements Readiness {

  private static final long TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final HazelcastClusterManager cluster;
  private final LogReader log;
  private final Optional<Quorum> quorum;
  private final AppendHealth appends;
  private final Optional<EventFeed> feed;
  private final LogStanding standing;
  private final AtomicReference<Future<Boolean>> question = new AtomicReference<>();
  private volatile boolean shuttingDown;

  NodeReadiness(
      Vertx vertx,
      HazelcastClusterManager cluster,
      LogReader log,
      Optional<Quorum> quorum,
      AppendHealth appends,
      Optional<EventFeed> feed) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.log = log;
    this.quorum = quorum;
    this.appends = appends;
    this.feed = feed;
    this.standing = LogStanding.watch(vertx, cluster.getHazelcastInstance(), quorum, log);
  }

  @Override
  public Optional<String> historyWithheld() {
    return standing.withheld();
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
    HazelcastInstance hazelcast = cluster.getHazelcastInstance();
    int nodes = nodes(hazelcast);
    JsonObject details =
        new JsonObject()
            .put("members", nodes)
            .put("logOwner", ownsLog(hazelcast))
            .put("logBackup", LogBackup.heldBy(hazelcast));
    if (quorum.isPresent()) {
      boolean present = quorum.get().present(hazelcast);
      details.put("quorum", present);
      if (!present) {
        return Future.failedFuture(quorum.get().missing(quorum.get().listedPresent(hazelcast)));
      }
    }
    Optional<String> appendProblem = appends.problem();
    if (appendProblem.isPresent()) {
      return Future.failedFuture("cannot append: " + appendProblem.get());
    }
    if (feed.isPresent() && !feed.get().receiving()) {
      return Future.failedFuture("cannot deliver: not receiving events");
    }
    feed.ifPresent(f -> details.put("events", f.dormant() ? "dormant" : "receiving"));
    Optional<String> withheld = standing.withheld();
    if (withheld.isPresent()) {
      return Future.failedFuture(withheld.get() + " after rejoining the cluster");
    }
    Future<Boolean> safe = clusterSafe(hazelcast);
    return log.newest()
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture("replay log unreachable: " + failure.getMessage()))
        .map(newest -> details.put("newestSequence", newest))
        .compose(ready -> safe.map(clusterSafe -> ready.put("clusterSafe", clusterSafe)));
  }

  /**
   * Asks Hazelcast (remote calls, off the event loop) whether every backup is in place, false when
   * it does not answer in time. Probes that come while a question is open share it, so a slow
   * answer ties up one worker thread however often readiness is probed.
   */
  private Future<Boolean> clusterSafe(HazelcastInstance hazelcast) {
    Future<Boolean> open = question.get();
    if (open == null || open.isComplete()) {
      open = vertx.executeBlocking(() -> hazelcast.getPartitionService().isClusterSafe(), false);
      question.set(open);
    }
    return open.timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwise(false);
  }

  private static int nodes(HazelcastInstance hazelcast) {
    int count = 0;
    for (Member member : hazelcast.getCluster().getMembers()) {
      if (!member.isLiteMember()) {
        count++;
      }
    }
    return count;
  }

  /** Whether this member holds the primary copy of the replay log (the others hold backups). */
  private static boolean ownsLog(HazelcastInstance hazelcast) {
    Member owner =
        hazelcast.getPartitionService().getPartition(PartitionId.ZERO.logName()).getOwner();
    return owner != null && owner.localMember();
  }
}
