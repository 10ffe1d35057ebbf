package org.ushs.app;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ushs.common.log.LogReader;

/**
 * Whether this node can vouch for the replay log's history, or why not: {@code no quorum} while it
 * sees no majority of the listed nodes (on the minority side of a partition its log may lack what
 * the majority acknowledged since), then {@code catching up on the log} from the moment quorum
 * returns or a split-brain merge starts until the node has caught up: the merge is over, every
 * partition's replicas are in sync ({@code isClusterSafe}: this node's reads now go to the merged
 * log), the log answers, and the gateways' one-second tail checks have since run twice, so their
 * in-memory state (sequencer, recent events) reads past everything the node missed. A node that
 * never lost quorum since it first had it stays current. Checked every {@link #CHECK_MS} ms off the
 * event loop; {@link #withheld} is a volatile read.
 */
final class LogStanding {

  static final long CHECK_MS = 500;
  static final long SETTLE_MS = 2000;
  private static final String NO_QUORUM = "no quorum";
  private static final String CATCHING_UP = "catching up on the log";
  private static final Logger LOG = Logger.getLogger(LogStanding.class.getName());

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final Optional<Quorum> quorum;
  private final LogReader log;
  private volatile String withheld;
  private volatile boolean merging;
  private volatile boolean everCurrent;
  private boolean checking;
  private long caughtUpSince = -1;

  private LogStanding(
      Vertx vertx, HazelcastInstance hazelcast, Optional<Quorum> quorum, LogReader log) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.quorum = quorum;
    this.log = log;
    if (quorum.isEmpty() || quorum.get().present(hazelcast)) {
      current();
    } else {
      withheld = NO_QUORUM;
    }
  }

  /** Starts watching; stops with Vert.x. */
  static LogStanding watch(
      Vertx vertx, HazelcastInstance hazelcast, Optional<Quorum> quorum, LogReader log) {
    LogStanding standing = new LogStanding(vertx, hazelcast, quorum, log);
    hazelcast
        .getLifecycleService()
        .addLifecycleListener(event -> standing.lifecycle(event.getState()));
    vertx.setPeriodic(CHECK_MS, id -> standing.tick());
    return standing;
  }

  /** Why history is withheld now, or empty when this node vouches for it. */
  Optional<String> withheld() {
    return Optional.ofNullable(withheld);
  }

  private void lifecycle(LifecycleState state) {
    if (state == LifecycleState.MERGING) {
      merging = true;
      withheld = CATCHING_UP;
      LOG.warning("split-brain merge started: resumes refused until this node has caught up");
    } else if (state == LifecycleState.MERGED || state == LifecycleState.MERGE_FAILED) {
      merging = false;
    }
  }

  private void tick() {
    if (checking || !hazelcast.getLifecycleService().isRunning()) {
      return;
    }
    if (merging) {
      behind(CATCHING_UP);
    } else if (quorum.isPresent() && !quorum.get().present(hazelcast)) {
      behind(NO_QUORUM);
    } else if (withheld != null) {
      catchUp();
    }
  }

  private void behind(String reason) {
    if (withheld == null) {
      LOG.warning(() -> "resumes refused: " + reason);
    }
    withheld = reason;
    caughtUpSince = -1;
  }

  private void catchUp() {
    if (!everCurrent) {
      current(); // never served anything: nothing of its own to be stale
      return;
    }
    withheld = CATCHING_UP;
    checking = true;
    Future<Boolean> safe =
        vertx.executeBlocking(() -> hazelcast.getPartitionService().isClusterSafe(), false);
    safe.compose(s -> log.newest().map(newest -> s))
        .timeout(CHECK_MS * 4, TimeUnit.MILLISECONDS)
        .otherwise(false)
        .onComplete(
            caughtUp -> {
              checking = false;
              settle(caughtUp.result());
            });
  }

  private void settle(boolean caughtUp) {
    long now = System.nanoTime();
    if (!caughtUp || merging) {
      caughtUpSince = -1;
    } else if (caughtUpSince < 0) {
      caughtUpSince = now;
    } else if (now - caughtUpSince >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MS)) {
      current();
    }
  }

  private void current() {
    if (everCurrent) {
      LOG.info("caught up on the log: resumes served again");
    }
    everCurrent = true;
    withheld = null;
    caughtUpSince = -1;
  }
}
