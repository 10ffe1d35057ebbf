package org.ushs.common.log;

import io.vertx.core.Future;
import java.util.List;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.PendingEvent;

/**
 * The replay log: the single source of event order. Sequences are contiguous and strictly
 * increasing; old events leave by capacity or age. Futures complete on the caller's context.
 */
public interface EventLog {

  /** Appends {@code events} contiguously; the future holds the sequence of the first one. */
  Future<Long> append(List<PendingEvent> events);

  /**
   * Up to {@code max} events from sequence {@code from} on. When {@code from} has left retention
   * the batch starts at the oldest retained event; when {@code from} is past the newest, it is
   * empty with {@code next == from}.
   */
  Future<EventBatch> read(long from, int max);

  /** The sequence of the newest event, or -1 when the log has never held one. */
  Future<Long> newest();
}
