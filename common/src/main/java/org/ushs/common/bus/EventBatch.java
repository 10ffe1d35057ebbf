package org.ushs.common.bus;

import java.util.List;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.PartitionId;

/**
 * Events of one log partition with increasing sequences, as published on {@link Addresses#EVENTS}
 * (contiguous) and returned by log reads. {@code next} is the sequence to read from after this
 * batch: a reader that asked from an earlier sequence than the first event's learns that what lies
 * between has left retention. Every event of a batch has the batch's {@code epoch} (empty when
 * unknown: an empty read, or tests).
 */
public record EventBatch(
    PartitionId partition, String epoch, List<SequencedEvent> events, long next) {

  public EventBatch {
    events = List.copyOf(events);
    epoch = epoch == null ? "" : epoch;
  }

  /** A batch of partition 0 whose epoch is its first event's. */
  public EventBatch(List<SequencedEvent> events, long next) {
    this(PartitionId.ZERO, events.isEmpty() ? "" : events.get(0).epoch(), events, next);
  }

  /** A batch published live: {@code events} is not empty. */
  public static EventBatch live(List<SequencedEvent> events) {
    return new EventBatch(events, events.get(events.size() - 1).sequence() + 1);
  }

  /** A batch of {@code partition} published live: {@code events} is not empty. */
  public static EventBatch live(PartitionId partition, String epoch, List<SequencedEvent> events) {
    return new EventBatch(partition, epoch, events, events.get(events.size() - 1).sequence() + 1);
  }

  /** The first event's sequence, or {@code next} when there is none. */
  public long first() {
    return events.isEmpty() ? next : events.get(0).sequence();
  }
}
