package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.LogReader;
import org.ushs.common.log.PublishDedupe;

/**
 * Logs events exactly once per {@code source}+{@code id}, across nodes and node loss (see {@link
 * LogAttempt}): a publish seen before is acknowledged with its first sequence. Concurrent publishes
 * of a key on this node share one attempt. Used on one context only.
 */
final class Publisher {

  private final AppendBatcher batcher;
  private final PublishDedupe dedupe;
  private final LogReader log;
  private final Map<String, Future<Long>> inFlight = new HashMap<>();
  private long attempts;

  Publisher(AppendBatcher batcher, PublishDedupe dedupe, LogReader log) {
    this.batcher = batcher;
    this.dedupe = dedupe;
    this.log = log;
  }

  /** The sequence of each event, in order, once all are in the log and remembered. */
  Future<List<Long>> publish(List<PendingEvent> events) {
    Map<String, PendingEvent> byKey = new LinkedHashMap<>();
    events.forEach(event -> byKey.putIfAbsent(PublishDedupe.keyOf(event.keys()), event));
    Map<String, Future<Long>> sequences = new HashMap<>();
    Map<String, Promise<Long>> mine = new LinkedHashMap<>();
    byKey.forEach(
        (key, event) -> {
          Future<Long> running = inFlight.get(key);
          if (running == null) {
            Promise<Long> promise = Promise.promise();
            Future<Long> started = promise.future();
            mine.put(key, promise);
            inFlight.put(key, started);
            started.onComplete(done -> inFlight.remove(key, started));
            running = started;
          }
          sequences.put(key, running);
        });
    if (!mine.isEmpty()) {
      String mark = Claim.mark(dedupe.member(), ++attempts, System.currentTimeMillis());
      new LogAttempt(batcher, dedupe, log, mark, mine, byKey).run();
    }
    return Future.all(new ArrayList<>(sequences.values()))
        .map(
            all ->
                events.stream()
                    .map(e -> sequences.get(PublishDedupe.keyOf(e.keys())).result())
                    .toList());
  }
}
