package org.ushs.common.log.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 */
public final class HazelcastOwners implements PartitionOwners {

  /** The member attribute vertx-hazelcast stores the node id in; stable for a member's life. */
  static final String NODE_ID = "__vertx.nodeId";

  private final HazelcastInstance hazelcast;
  private final Set<Integer> logPartitions = ConcurrentHashMap.newKeySet();

  public HazelcastOwners(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    ownerOf(PartitionId.ZERO);
  }

  @Override
  public String localMember() {
    return idOf(hazelcast.getCluster().getLocalMember());
  }

  @Override
  public String ownerOf(PartitionId partition) {
    Partition placed = hazelcast.getPartitionService().getPartition(partition.logName());
    logPartitions.add(placed.getPartitionId());
    Member owner = placed.getOwner();
    return owner == null ? null : idOf(owner);
  }

  /** The member's Vert.x node id; its UUID for a member not started by Vert.x (tests). */
  static String idOf(Member member) {
    String nodeId = member.getAttribute(NODE_ID);
    return nodeId != null ? nodeId : member.getUuid().toString();
  }

  @Override
  public void onChange(Runnable listener) {
    hazelcast.getCluster().addMembershipListener(new Members(listener));
    hazelcast.getPartitionService().addMigrationListener(new Migrations(logPartitions, listener));
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

  private record Migrations(Set<Integer> logPartitions, Runnable listener)
      implements MigrationListener {
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
      if (logPartitions.contains(event.getPartitionId())) {
        listener.run();
      }
    }
  }
}
