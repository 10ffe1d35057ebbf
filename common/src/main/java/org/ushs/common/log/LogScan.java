package org.ushs.common.log;

import io.vertx.core.Future;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.SequencedEvent;

/**
 * Finds events in a whole retained log by reading it in bounded batches, oldest first: for what an
 * index did not know. Slow by nature (it reads the retention window).
 */
public final class LogScan {

  static final int BATCH = 1000;

  private LogScan() {}

  /** The sequence of the retained event of {@code source} and {@code id}, -1 when none. */
  public static Future<Long> find(LogReader log, String source, String id) {
    long[] found = {-1};
    return each(
            log,
            0,
            event -> {
              if (id.equals(event.keys().id()) && source.equals(event.keys().source())) {
                found[0] = event.sequence();
              }
            })
        .map(done -> found[0]);
  }

  /** The newest retained event with {@code id}, ambiguous when several sources used it. */
  public static Future<IdMatch> findId(LogReader log, String id) {
    long[] found = {-1};
    Set<String> sources = new HashSet<>();
    return each(
            log,
            0,
            event -> {
              if (id.equals(event.keys().id())) {
                found[0] = event.sequence();
                sources.add(event.keys().source());
              }
            })
        .map(done -> found[0] < 0 ? IdMatch.NONE : new IdMatch(found[0], sources.size() > 1));
  }

  /** Calls {@code visit} for every retained event from {@code from} on, in sequence order. */
  public static Future<Void> each(LogReader log, long from, Consumer<SequencedEvent> visit) {
    return log.read(from, BATCH)
        .compose(
            batch -> {
              batch.events().forEach(visit);
              return batch.events().isEmpty()
                  ? Future.succeededFuture()
                  : each(log, next(batch), visit);
            });
  }

  private static long next(EventBatch batch) {
    return batch.events().get(batch.events().size() - 1).sequence() + 1;
  }
}
