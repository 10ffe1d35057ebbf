package org.ushs.common.log;

import org.ushs.common.event.EventKeys;

/**
 * Maps an event to the log partition that orders it. Events of one partition are totally ordered;
 * events of different partitions are not ordered with each other.
 */
@FunctionalInterface
public interface Partitioner {

  /** One partition for everything: the log as it is today. */
  Partitioner SINGLE = keys -> PartitionId.ZERO;

  PartitionId partitionOf(EventKeys keys);
}
