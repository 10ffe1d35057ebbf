package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.event.EventEnricher;
import org.ushs.common.event.EventValidator;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.Problem;
import org.ushs.common.event.RawEvent;

/**
 * The path every publish takes, from HTTP or the bus: validate all (a bad batch is refused whole),
 * enrich, log once, and build the ack {@code {"accepted":[{"id","sequence"}]}}.
 */
final class EventIntake {

  private final Publisher publisher;
  private final IngestMetrics metrics;

  EventIntake(Publisher publisher, IngestMetrics metrics) {
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /** The ack; fails with {@link InvalidEvents} before logging anything if any event is bad. */
  Future<JsonObject> accept(List<RawEvent> events) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String prefix = events.size() > 1 ? "[" + i + "]." : "";
      for (Problem problem : EventValidator.validate(events.get(i).view())) {
        problems.add(new Problem(prefix + problem.field(), problem.error()));
      }
    }
    if (!problems.isEmpty()) {
      return Future.failedFuture(new InvalidEvents(problems));
    }
    Instant now = Instant.now();
    List<PendingEvent> pending = events.stream().map(e -> EventEnricher.enrich(e, now)).toList();
    return publisher
        .publish(pending)
        .map(sequences -> ack(pending, sequences))
        .onSuccess(ack -> metrics.acked(pending.size()));
  }

  private static JsonObject ack(List<PendingEvent> events, List<Long> sequences) {
    JsonArray accepted = new JsonArray();
    for (int i = 0; i < events.size(); i++) {
      accepted.add(
          new JsonObject()
              .put("id", events.get(i).keys().id())
              .put("sequence", Long.toString(sequences.get(i))));
    }
    return new JsonObject().put("accepted", accepted);
  }
}
