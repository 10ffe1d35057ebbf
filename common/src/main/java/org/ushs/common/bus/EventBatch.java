package org.ushs.common.bus;

import java.util.List;
import org.ushs.common.event.SequencedEvent;

/**
 * Events with increasing sequences, as published on {@link Addresses#EVENTS} (contiguous) and
 * returned by log reads. {@code next} is the sequence to read from after this batch: a reader that
 * asked from an earlier sequence than the first event's learns that what lies between has left
 * retention.
 */
public record EventBatch(List<SequencedEvent> events, long next) {

  public EventBatch {
    events = List.copyOf(events);
  }

  /** A batch published live: {@code events} is not empty. */
  public static EventBatch live(List<SequencedEvent> events) {
    return new EventBatch(events, events.get(events.size() - 1).sequence() + 1);
  }

  /** The first event's sequence, or {@code next} when there is none. */
  public long first() {
    return events.isEmpty() ? next : events.get(0).sequence();
  }
}
