package org.ushs.common.log.writer;

import org.ushs.common.log.PartitionId;

/**
 * Which cluster member owns each log partition (holds its primary copy, and so runs its writer).
 * Thread-safe.
 */
public interface PartitionOwners {

  /** This member's id. */
  String localMember();

  /** The id of the member owning {@code partition}, or null while none is known (migrating). */
  String ownerOf(PartitionId partition);

  /**
   * Calls {@code listener}, on any thread, whenever the owner of a partition may have changed
   * (member joined or left, partition migrated). Spurious calls are allowed.
   */
  void onChange(Runnable listener);

  /** Whether this member owns {@code partition} now. */
  default boolean ownsLocally(PartitionId partition) {
    return localMember().equals(ownerOf(partition));
  }

  /** This member owns every partition: a one-member cluster, or tests. */
  static PartitionOwners alone(String member) {
    return new PartitionOwners() {
      @Override
      public String localMember() {
        return member;
      }

      @Override
      public String ownerOf(PartitionId partition) {
        return member;
      }

      @Override
      public void onChange(Runnable listener) {}
    };
  }
}
