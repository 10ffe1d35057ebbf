package org.ushs.common.log.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ushs.common.log.PartitionId;
import org.ushs.common.log.writer.PartitionOwners;

/**
 * The owners of the log partitions as Hazelcast places them: the owner of a partition's log is the
 * member holding the primary copy of its ring. Changes are reported on membership changes and on
 * every replica migration (promotions after a member loss included).
 *
 * <p>A member is named by its Vert.x node id (the member attribute {@value #NODE_ID}, set by
 * vertx-hazelcast), not by its Hazelcast UUID: a member that rejoins through a split-brain merge
 * (after a partition, or after it was frozen longer than the heartbeat timeout) gets a new UUID,
 * while its writer's bus address, made at start, stays. Named by UUID, every write went to an
 * address nobody listened on after such a merge, and the cluster never acknowledged a publish
 * again.
 *
 * <p>Owners are looked up once and kept until a membership change, a migration of a log partition
 * or a merge (each also reported to {@link #onChange} listeners), and for at most {@link
 * #KEEP_NANOS} in case an event is missed: a write costs no partition-table look-up.
 */
public final class HazelcastOwners implements PartitionOwners {

  /** The member attribute vertx-hazelcast stores the node id in; stable for a member's life. */
  static final String NODE_ID = "__vertx.nodeId";

  static final long KEEP_NANOS = 1_000_000_000L;

  private record Known(String owner, long atNanos) {}

  private final HazelcastInstance hazelcast;
  private final Map<PartitionId, Partition> placed = new ConcurrentHashMap<>();
  private final Map<Integer, Boolean> logPartitions = new ConcurrentHashMap<>();
  private final Map<PartitionId, Known> known = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger changes = new AtomicInteger();

  public HazelcastOwners(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    hazelcast.getCluster().addMembershipListener(new Members(this::changed));
    hazelcast.getPartitionService().addMigrationListener(new Migrations(this));
    hazelcast.getLifecycleService().addLifecycleListener(this::lifecycle);
    ownerOf(PartitionId.ZERO);
  }

  @Override
  public String localMember() {
    return idOf(hazelcast.getCluster().getLocalMember());
  }

  @Override
  public String ownerOf(PartitionId partition) {
    Known last = known.get(partition);
    long now = System.nanoTime();
    if (last != null && now - last.atNanos() < KEEP_NANOS) {
      return last.owner();
    }
    int seen = changes.get();
    String owner = lookUp(partition);
    if (owner != null && seen == changes.get()) {
      known.put(partition, new Known(owner, now));
    }
    return owner;
  }

  /** Asks the partition table itself: a writer must not take a write on a stale answer. */
  @Override
  public boolean ownsLocally(PartitionId partition) {
    return localMember().equals(lookUp(partition));
  }

  private String lookUp(PartitionId partition) {
    Member owner = placed.computeIfAbsent(partition, this::place).getOwner();
    return owner == null ? null : idOf(owner);
  }

  private Partition place(PartitionId partition) {
    Partition partitionOfLog = hazelcast.getPartitionService().getPartition(partition.logName());
    logPartitions.put(partitionOfLog.getPartitionId(), Boolean.TRUE);
    return partitionOfLog;
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** The member's Vert.x node id; its UUID for a member not started by Vert.x (tests). */
  static String idOf(Member member) {
    String nodeId = member.getAttribute(NODE_ID);
    return nodeId != null ? nodeId : member.getUuid().toString();
  }

  private void changed() {
    changes.incrementAndGet();
    known.clear();
    listeners.forEach(Runnable::run);
  }

  /** After a merge this member's copy of the log may have been replaced by the other side's. */
  private void lifecycle(LifecycleEvent event) {
    if (event.getState() == LifecycleState.MERGED) {
      changed();
    }
  }

  /** A member that joins takes partitions over by migration, which is reported as such. */
  private record Members(Runnable listener) implements MembershipListener {
    @Override
    public void memberAdded(MembershipEvent event) {}

    /** Lite members (healing services) hold no data: their coming and going moves nothing. */
    @Override
    public void memberRemoved(MembershipEvent event) {
      if (!event.getMember().isLiteMember()) {
        listener.run();
      }
    }
  }

  private record Migrations(HazelcastOwners owners) implements MigrationListener {
    @Override
    public void migrationStarted(MigrationState state) {}

    @Override
    public void migrationFinished(MigrationState state) {}

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
      changed(event);
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
      changed(event);
    }

    private void changed(ReplicaMigrationEvent event) {
      if (owners.logPartitions.containsKey(event.getPartitionId())) {
        owners.changed();
      }
    }
  }
}
