package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Permissions;
import org.ushs.common.bus.WriteResult;
import org.ushs.common.event.EventEnricher;
import org.ushs.common.event.EventValidator;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.Problem;
import org.ushs.common.event.RawEvent;
import org.ushs.common.log.PartitionId;
import org.ushs.common.log.Partitioner;
import org.ushs.common.log.writer.WriterClient;

/**
 * The path every publish takes, from HTTP or the bus: validate all (a bad batch is refused whole),
 * enrich, send each partition's events to its writer (which logs each {@code source}+{@code id}
 * once), and build the ack {@code {"accepted":[{"id","sequence","epoch"}]}}.
 */
final class EventIntake {

  private record Logged(String epoch, long sequence) {}

  private final WriterClient writer;
  private final Partitioner partitioner;
  private final IngestMetrics metrics;

  EventIntake(WriterClient writer, Partitioner partitioner, IngestMetrics metrics) {
    this.writer = writer;
    this.partitioner = partitioner;
    this.metrics = metrics;
  }

  /**
   * The ack; fails with {@link InvalidEvents} if any event is bad, then with an {@link AuthFailure}
   * (FORBIDDEN) naming the first event that {@code permissions} do not let its publisher publish,
   * before logging anything.
   */
  Future<JsonObject> accept(List<RawEvent> events, Permissions permissions) {
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
    AuthFailure forbidden = PublishPermission.refusal(pending, permissions);
    if (forbidden != null) {
      return Future.failedFuture(forbidden);
    }
    return log(pending)
        .map(logged -> ack(pending, logged))
        .onSuccess(ack -> metrics.acked(pending.size()));
  }

  /** Where each event was logged, in order; one write per partition. */
  private Future<List<Logged>> log(List<PendingEvent> events) {
    Map<PartitionId, List<Integer>> byPartition = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      byPartition
          .computeIfAbsent(partitioner.partitionOf(events.get(i).keys()), p -> new ArrayList<>())
          .add(i);
    }
    Logged[] logged = new Logged[events.size()];
    List<Future<WriteResult>> writes = new ArrayList<>();
    byPartition.forEach(
        (partition, indexes) ->
            writes.add(
                writer
                    .write(partition, indexes.stream().map(events::get).toList())
                    .onSuccess(result -> place(result, indexes, logged))));
    return Future.all(writes).map(all -> List.of(logged));
  }

  private static void place(WriteResult result, List<Integer> indexes, Logged[] logged) {
    for (int i = 0; i < indexes.size(); i++) {
      logged[indexes.get(i)] = new Logged(result.epoch(), result.sequences().get(i));
    }
  }

  private static JsonObject ack(List<PendingEvent> events, List<Logged> logged) {
    JsonArray accepted = new JsonArray();
    for (int i = 0; i < events.size(); i++) {
      accepted.add(
          new JsonObject()
              .put("id", events.get(i).keys().id())
              .put("sequence", Long.toString(logged.get(i).sequence()))
              .put("epoch", logged.get(i).epoch()));
    }
    return new JsonObject().put("accepted", accepted);
  }
}
