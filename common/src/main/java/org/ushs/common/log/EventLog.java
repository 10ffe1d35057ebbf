package org.ushs.common.log;

import io.vertx.core.Future;
import java.util.List;
import org.ushs.common.event.PendingEvent;

/**
 * The replay log: the single source of event order. Sequences are contiguous and strictly
 * increasing; old events leave by capacity or age. Futures complete on the caller's context.
 */
public interface EventLog extends LogReader {

  /** Appends {@code events} contiguously; the future holds the sequence of the first one. */
  Future<Long> append(List<PendingEvent> events);
}
