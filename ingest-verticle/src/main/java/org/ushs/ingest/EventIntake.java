package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Permissions;
import org.ushs.common.event.EventEnricher;
import org.ushs.common.event.EventValidator;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.Problem;

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

  /**
   * The ack; fails with {@link InvalidEvents} if any event is bad, then with an {@link AuthFailure}
   * (FORBIDDEN) naming the first event that {@code permissions} do not let its publisher publish,
   * before logging anything.
   */
  Future<JsonObject> accept(List<JsonObject> events, Permissions permissions) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String prefix = events.size() > 1 ? "[" + i + "]." : "";
      for (Problem problem : EventValidator.validate(events.get(i))) {
        problems.add(new Problem(prefix + problem.field(), problem.error()));
      }
    }
    if (!problems.isEmpty()) {
      return Future.failedFuture(new InvalidEvents(problems));
    }
    Instant now = Instant.now();
    List<PendingEvent> pending = events.stream().map(e -> EventEnricher.enrich(e, now)).toList();
    AuthFailure forbidden = PublishPermission.refusal(pending, permissions);
    if (forbidden != null) {
      return Future.failedFuture(forbidden);
    }
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
