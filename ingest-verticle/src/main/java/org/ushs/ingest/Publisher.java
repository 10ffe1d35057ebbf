package org.ushs.ingest;

import io.vertx.core.Context;
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
 * of a key on this node share one attempt. The new keys of every publish that arrives in one turn
 * of the context go into one attempt, so that a turn costs one reservation and one remember in
 * Hazelcast however many requests it took in. Used on {@code context} only.
 */
final class Publisher {

  private final Context context;
  private final AppendBatcher batcher;
  private final PublishDedupe dedupe;
  private final LogReader log;
  private final Map<String, Future<Long>> inFlight = new HashMap<>();
  private Map<String, Promise<Long>> nextKeys = new LinkedHashMap<>();
  private Map<String, PendingEvent> nextEvents = new LinkedHashMap<>();
  private long attempts;

  Publisher(Context context, AppendBatcher batcher, PublishDedupe dedupe, LogReader log) {
    this.context = context;
    this.batcher = batcher;
    this.dedupe = dedupe;
    this.log = log;
  }

  /** The sequence of each event, in order, once all are in the log and remembered. */
  Future<List<Long>> publish(List<PendingEvent> events) {
    Map<String, PendingEvent> byKey = new LinkedHashMap<>();
    events.forEach(event -> byKey.putIfAbsent(PublishDedupe.keyOf(event.keys()), event));
    Map<String, Future<Long>> sequences = new HashMap<>();
    byKey.forEach(
        (key, event) -> {
          Future<Long> running = inFlight.get(key);
          if (running == null) {
            running = next(key, event);
          }
          sequences.put(key, running);
        });
    return Future.all(new ArrayList<>(sequences.values()))
        .map(
            all ->
                events.stream()
                    .map(e -> sequences.get(PublishDedupe.keyOf(e.keys())).result())
                    .toList());
  }

  /** Adds {@code key} to the attempt that starts once this turn of the context is over. */
  private Future<Long> next(String key, PendingEvent event) {
    if (nextKeys.isEmpty()) {
      context.runOnContext(v -> startAttempt());
    }
    Promise<Long> promise = Promise.promise();
    Future<Long> started = promise.future();
    nextKeys.put(key, promise);
    nextEvents.put(key, event);
    inFlight.put(key, started);
    started.onComplete(done -> inFlight.remove(key, started));
    return started;
  }

  /** Starts the turn's attempt; one that fails to start fails its publishes, not later ones. */
  private void startAttempt() {
    Map<String, Promise<Long>> keys = nextKeys;
    Map<String, PendingEvent> events = nextEvents;
    nextKeys = new LinkedHashMap<>();
    nextEvents = new LinkedHashMap<>();
    String mark = Claim.mark(dedupe.member(), ++attempts, System.currentTimeMillis());
    try {
      new LogAttempt(batcher, dedupe, log, mark, keys, events).run();
    } catch (RuntimeException e) {
      keys.values().forEach(promise -> promise.tryFail(e));
    }
  }
}
