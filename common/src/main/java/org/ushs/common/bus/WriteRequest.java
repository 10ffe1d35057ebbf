package org.ushs.common.bus;

import java.util.List;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.PartitionId;

/**
 * A request to a log partition's writer ({@link Addresses#writer}): log {@code events} once each by
 * their publish key, in order. The reply is a {@link WriteResult}.
 */
public record WriteRequest(PartitionId partition, List<PendingEvent> events) {

  public WriteRequest {
    events = List.copyOf(events);
  }
}
