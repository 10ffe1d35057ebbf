package org.ushs.ingest;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.LogReader;
import org.ushs.common.log.PublishDedupe;

/**
 * Finds events by dedupe key in the whole retained log, in one pass of bounded reads. Slow (it
 * reads the retention window), and used only to settle reservations whose attempt ended unknown.
 */
final class LogScan {

  static final int BATCH = 1000;

  private LogScan() {}

  /** The newest sequence of each of {@code keys} the log holds; absent keys are not in it. */
  static Future<Map<String, Long>> find(LogReader log, Set<String> keys) {
    return scan(log, keys, 0, new HashMap<>());
  }

  private static Future<Map<String, Long>> scan(
      LogReader log, Set<String> keys, long from, Map<String, Long> found) {
    return log.read(from, BATCH)
        .compose(
            batch -> {
              for (SequencedEvent event : batch.events()) {
                String key = PublishDedupe.keyOf(event.keys());
                if (keys.contains(key)) {
                  found.put(key, event.sequence());
                }
              }
              return batch.events().isEmpty()
                  ? Future.succeededFuture(found)
                  : scan(log, keys, batch.next(), found);
            });
  }
}
