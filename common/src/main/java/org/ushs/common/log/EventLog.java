package org.ushs.common.log;

import io.vertx.core.Future;
import java.util.List;
import org.ushs.common.event.PendingEvent;

/**
 * One partition's replay log: the single source of its events' order. Sequences are contiguous and
 * strictly increasing; old events leave by capacity or age. Only the partition's {@code LogWriter}
 * appends. Futures complete on the caller's context.
 */
public interface EventLog extends LogReader {

  /** The partition this log holds. */
  PartitionId partition();

  /**
   * Appends {@code events} contiguously, stamped with {@code epoch}; the future holds the sequence
   * of the first one.
   */
  Future<Long> append(String epoch, List<PendingEvent> events);
}
