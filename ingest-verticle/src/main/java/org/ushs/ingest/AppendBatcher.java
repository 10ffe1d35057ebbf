package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.EventLog;

/**
 * Group commit: at most one append in flight; what arrives meanwhile leaves in the next append, as
 * one batch. Each appended batch is published on the bus in sequence order. Used on one context
 * only.
 */
final class AppendBatcher {

  static final int MAX_BATCH = 500;

  private record Entry(PendingEvent event, Promise<Long> sequence) {}

  private final EventLog log;
  private final EventBus bus;
  private final IngestMetrics metrics;
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private boolean appending;

  AppendBatcher(EventLog log, EventBus bus, IngestMetrics metrics) {
    this.log = log;
    this.bus = bus;
    this.metrics = metrics;
  }

  /** The sequence {@code event} got, once it is in the log. */
  Future<Long> append(PendingEvent event) {
    Promise<Long> promise = Promise.promise();
    queue.add(new Entry(event, promise));
    flush();
    return promise.future();
  }

  private void flush() {
    if (appending || queue.isEmpty()) {
      return;
    }
    List<Entry> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(queue.poll());
    }
    appending = true;
    log.append(batch.stream().map(Entry::event).toList())
        .onComplete(
            result -> {
              appending = false;
              if (result.succeeded()) {
                logged(batch, result.result());
              } else {
                batch.forEach(entry -> entry.sequence().fail(result.cause()));
              }
              flush();
            });
  }

  private void logged(List<Entry> batch, long first) {
    List<SequencedEvent> events = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      events.add(batch.get(i).event().at(first + i));
    }
    bus.publish(Addresses.EVENTS, EventBatch.live(events));
    metrics.appended(events.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).sequence().complete(first + i);
    }
  }
}
