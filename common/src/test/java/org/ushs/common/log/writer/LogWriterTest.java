package org.ushs.common.log.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.WriteResult;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.Epochs;
import org.ushs.common.log.MemoryEventLog;

/**
 * {@link LogWriter} over the in-memory log: each publish key logged once, a new writer (a takeover)
 * rebuilding its index from the log before its first write, appends by another writer noticed, and
 * the byte bound.
 */
class LogWriterTest {

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final List<EventBatch> published = new ArrayList<>();
  private final AppendHealth health = new AppendHealth();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private LogWriter writer(MemoryEventLog log, int capacity, long maxBytes) {
    return new LogWriter(
        context,
        log,
        new WriterSettings(capacity, Duration.ofHours(1), maxBytes, Duration.ZERO),
        published::add,
        health,
        n -> {},
        Clock.systemUTC());
  }

  private static PendingEvent event(String source, String id, int size) {
    EventKeys keys =
        new EventKeys(id, source, "org.ushs.error.x", Category.ERROR, null, null, null);
    return new PendingEvent(keys, Buffer.buffer("{\"pad\":\"" + "x".repeat(size) + "\"}"));
  }

  private <T> T onContext(Supplier<Future<T>> call) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> call.get().onComplete(promise));
    return promise.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Throwable failureOf(Supplier<Future<WriteResult>> call) throws Exception {
    Promise<Throwable> promise = Promise.promise();
    context.runOnContext(
        v ->
            call.get()
                .onComplete(
                    r -> promise.complete(r.failed() ? r.cause() : new AssertionError("logged"))));
    return promise.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aKeyIsLoggedOnceAndARetryGetsItsFirstSequence() throws Exception {
    MemoryEventLog log = new MemoryEventLog(100);
    LogWriter writer = writer(log, 100, 1 << 20);
    PendingEvent a = event("/s", "a", 10);
    PendingEvent b = event("/s", "b", 10);

    WriteResult first = onContext(() -> writer.write(List.of(a, b, a)));
    WriteResult retry = onContext(() -> writer.write(List.of(b, event("/other", "a", 10))));

    assertEquals(List.of(0L, 1L, 0L), first.sequences());
    assertEquals(List.of(1L, 2L), retry.sequences(), "same id, other source: a new event");
    assertEquals(onContext(log::epoch), first.epoch());
    assertTrue(Epochs.valid(first.epoch()));
    assertEquals(2L, onContext(log::newest));
    assertEquals(List.of(0L, 2L), published.stream().map(EventBatch::first).toList());
    assertEquals(first.epoch(), published.get(0).epoch());
  }

  @Test
  void aTakeoverRebuildsTheIndexFromTheLogBeforeItsFirstWrite() throws Exception {
    MemoryEventLog log = new MemoryEventLog(100);
    String epoch = onContext(log::epoch);
    PendingEvent unacknowledged = event("/s", "lost-ack", 10);
    onContext(() -> log.append(epoch, List.of(event("/s", "x", 1), unacknowledged)));

    WriteResult retry = onContext(() -> writer(log, 100, 1 << 20).write(List.of(unacknowledged)));

    assertEquals(new WriteResult(epoch, List.of(1L)), retry);
    assertEquals(1L, onContext(log::newest), "nothing appended");
  }

  @Test
  void appendsByAnotherWriterAreNoticedAndIndexed() throws Exception {
    MemoryEventLog log = new MemoryEventLog(100);
    LogWriter writer = writer(log, 100, 1 << 20);
    onContext(() -> writer.write(List.of(event("/s", "1", 1))));
    PendingEvent foreign = event("/s", "foreign", 1);
    onContext(() -> log.epoch().compose(e -> log.append(e, List.of(foreign))));
    onContext(() -> writer.write(List.of(event("/s", "2", 1)))); // sees the gap

    WriteResult retry = onContext(() -> writer.write(List.of(foreign)));

    assertEquals(List.of(1L), retry.sequences());
    assertEquals(2L, onContext(log::newest));
  }

  @Test
  void writesThatWouldPassTheByteBoundAreRefusedUntilTheRingOverwritesOldEvents() throws Exception {
    MemoryEventLog log = new MemoryEventLog(4);
    LogWriter writer = writer(log, 4, 3_000);
    for (int i = 0; i < 2; i++) {
      String id = "big-" + i;
      onContext(() -> writer.write(List.of(event("/s", id, 1_000))));
    }

    Throwable full = failureOf(() -> writer.write(List.of(event("/s", "big-2", 1_000))));
    assertEquals(LogRefusal.FULL, ((WriteRefused) full).refusal());
    assertTrue(health.problem().orElseThrow().startsWith("replay log full"));

    Throwable tooLarge = failureOf(() -> writer.write(List.of(event("/s", "huge", 5_000))));
    assertEquals(LogRefusal.TOO_LARGE, ((WriteRefused) tooLarge).refusal());

    for (int i = 0; i < 2; i++) {
      String id = "small-" + i;
      onContext(() -> writer.write(List.of(event("/s", id, 1))));
    }
    // the ring (capacity 4) now overwrites the big events as small ones come
    onContext(() -> writer.write(List.of(event("/s", "small-2", 1))));
    WriteResult fits = onContext(() -> writer.write(List.of(event("/s", "big-again", 1_000))));
    assertEquals(List.of(5L), fits.sequences());
    assertTrue(health.problem().isEmpty(), "a successful append clears the problem");
  }
}
