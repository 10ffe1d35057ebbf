package org.ushs.app;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.partition.PartitionReplica;
import org.ushs.common.log.PartitionId;

/**
 * Whether this member holds the first backup copy of the log, for readiness (an operator, and the
 * benchmark, can tell the backup's cost apart from the owner's). Hazelcast's public API names a
 * partition's owner only; the replica table is internal, read here and nowhere else.
 */
final class LogBackup {

  private LogBackup() {}

  /** False when the replica table cannot be read (not a full member, or shutting down). */
  static boolean heldBy(HazelcastInstance hazelcast) {
    if (!(hazelcast instanceof HazelcastInstanceProxy proxy)
        || !hazelcast.getLifecycleService().isRunning()) {
      return false;
    }
    int partition =
        hazelcast.getPartitionService().getPartition(PartitionId.ZERO.logName()).getPartitionId();
    PartitionReplica backup =
        proxy.getOriginal().node.getPartitionService().getPartition(partition).getReplica(1);
    return backup != null
        && backup.uuid().equals(hazelcast.getCluster().getLocalMember().getUuid());
  }
}
