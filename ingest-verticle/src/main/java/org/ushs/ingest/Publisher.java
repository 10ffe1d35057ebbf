package org.ushs.ingest;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.PublishDedupe;

/**
 * Logs events exactly once per {@code source}+{@code id}: a publish seen before (cluster-wide, or
 * still in flight on this node) is acknowledged with its first sequence and not logged again. Used
 * on one context only.
 */
final class Publisher {

  private final AppendBatcher batcher;
  private final PublishDedupe dedupe;
  private final Map<String, Future<Long>> inFlight = new HashMap<>();

  Publisher(AppendBatcher batcher, PublishDedupe dedupe) {
    this.batcher = batcher;
    this.dedupe = dedupe;
  }

  /** The sequence of each event, in order, once all are in the log. */
  Future<List<Long>> publish(List<PendingEvent> events) {
    Set<String> keys = new LinkedHashSet<>();
    events.forEach(event -> keys.add(PublishDedupe.keyOf(event.keys())));
    return dedupe.known(keys).compose(known -> logNew(events, known));
  }

  private Future<List<Long>> logNew(List<PendingEvent> events, Map<String, Long> known) {
    List<Future<Long>> sequences = new ArrayList<>(events.size());
    Map<String, Future<Long>> fresh = new HashMap<>();
    for (PendingEvent event : events) {
      String key = PublishDedupe.keyOf(event.keys());
      Long seen = known.get(key);
      Future<Long> sequence = seen != null ? Future.succeededFuture(seen) : inFlight.get(key);
      if (sequence == null) {
        sequence = batcher.append(event);
        fresh.put(key, sequence);
        inFlight.put(key, sequence);
      }
      sequences.add(sequence);
    }
    return Future.all(sequences)
        .compose(all -> remember(fresh))
        .eventually(() -> forget(fresh))
        .map(done -> sequences.stream().map(Future::result).toList());
  }

  private Future<Void> remember(Map<String, Future<Long>> fresh) {
    if (fresh.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, Long> logged = new HashMap<>();
    fresh.forEach((key, sequence) -> logged.put(key, sequence.result()));
    return dedupe.remember(logged);
  }

  private Future<Void> forget(Map<String, Future<Long>> fresh) {
    fresh.forEach(inFlight::remove);
    return Future.succeededFuture();
  }
}
