package org.ushs.app;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.Ringbuffer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ushs.common.log.PartitionId;

/**
 * Node-level gauges: cluster members (USHS nodes and lite members apart), whether the log's quorum
 * is present, and the replay log's head (oldest retained) and tail (newest) sequences. The log
 * positions are remote reads, so they are refreshed off the event loop every few seconds, never
 * during a scrape, and a scrape shows the last values read.
 */
final class ClusterGauges {

  static final long REFRESH_MS = 2000;

  private final HazelcastInstance hazelcast;
  private final Ringbuffer<byte[]> ring;
  private final AtomicLong head = new AtomicLong(-1);
  private final AtomicLong tail = new AtomicLong(-1);
  private final AtomicBoolean refreshing = new AtomicBoolean();

  private ClusterGauges(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    this.ring = hazelcast.getRingbuffer(PartitionId.ZERO.logName());
  }

  static void register(
      Vertx vertx, HazelcastInstance hazelcast, Optional<Quorum> quorum, MeterRegistry registry) {
    ClusterGauges gauges = new ClusterGauges(hazelcast);
    Gauge.builder("ushs.cluster.members", gauges, g -> g.members(false))
        .description("USHS nodes in the cluster, as this node sees it")
        .register(registry);
    Gauge.builder("ushs.cluster.lite.members", gauges, g -> g.members(true))
        .description("Lite members (healing services) in the cluster")
        .register(registry);
    quorum.ifPresent(
        q ->
            Gauge.builder("ushs.cluster.quorum", hazelcast, h -> q.present(h) ? 1 : 0)
                .description("1 while the replay log's majority is present (writes allowed)")
                .register(registry));
    Gauge.builder("ushs.log.head.sequence", gauges.head, AtomicLong::get)
        .description("Sequence of the oldest event the replay log retains")
        .register(registry);
    Gauge.builder("ushs.log.tail.sequence", gauges.tail, AtomicLong::get)
        .description("Sequence of the newest event in the replay log (-1 when empty)")
        .register(registry);
    gauges.refresh(vertx);
    vertx.setPeriodic(REFRESH_MS, id -> gauges.refresh(vertx));
  }

  private double members(boolean lite) {
    if (!hazelcast.getLifecycleService().isRunning()) {
      return 0;
    }
    long count = 0;
    for (Member member : hazelcast.getCluster().getMembers()) {
      if (member.isLiteMember() == lite) {
        count++;
      }
    }
    return count;
  }

  private void refresh(Vertx vertx) {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    vertx
        .executeBlocking(
            () -> {
              head.set(ring.headSequence());
              tail.set(ring.tailSequence());
              return null;
            },
            false)
        .onComplete(done -> refreshing.set(false));
  }
}
