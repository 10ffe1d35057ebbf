package org.ushs.common.log.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.EventBatchCodec;
import org.ushs.common.bus.WriteResult;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.EventLog;
import org.ushs.common.log.IdMatch;
import org.ushs.common.log.MemoryEventLog;
import org.ushs.common.log.PartitionId;

/**
 * {@link WriterClient} with this member's {@link WriterEndpoint}: a write for a partition this
 * member owns goes to the endpoint directly, not over the bus, and gets the same answer; a local
 * writer that does not answer fails the write as a bus timeout would.
 */
class WriterClientTest {

  private static final String ME = "member-1";

  private final Vertx vertx = Vertx.vertx();
  private final PartitionOwners owners = PartitionOwners.alone(ME);
  private final AppendHealth health = new AppendHealth();
  private final List<String> sentTo = new CopyOnWriteArrayList<>();

  @BeforeEach
  void bus() {
    EventBatchCodec.register(vertx.eventBus());
    vertx
        .eventBus()
        .addOutboundInterceptor(
            delivery -> {
              sentTo.add(delivery.message().address());
              delivery.next();
            });
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private WriterEndpoint deploy(Function<PartitionId, EventLog> logs) throws Exception {
    WriterSettings settings = new WriterSettings(100, Duration.ofHours(1), 1 << 20, Duration.ZERO);
    WriterEndpoint endpoint = new WriterEndpoint(owners, logs, settings, health, n -> {});
    vertx.deployVerticle(endpoint).await(10, TimeUnit.SECONDS);
    return endpoint;
  }

  private static PendingEvent event(String id) {
    EventKeys keys = new EventKeys(id, "/s", "org.ushs.error.x", Category.ERROR, null, null, null);
    return new PendingEvent(keys, Buffer.buffer("{}"));
  }

  /** Writes from a context of its own, as the ingest verticle does. */
  private Future<WriteResult> write(WriterClient client, List<PendingEvent> events) {
    Promise<WriteResult> result = Promise.promise();
    vertx
        .getOrCreateContext()
        .runOnContext(v -> client.write(PartitionId.ZERO, events).onComplete(result));
    return result.future();
  }

  @Test
  void aWriteForAPartitionThisMemberOwnsSkipsTheBusAndGetsTheSameAnswer() throws Exception {
    WriterEndpoint endpoint = deploy(p -> new MemoryEventLog(100));
    WriterClient direct =
        new WriterClient(vertx, owners, endpoint, health, Duration.ofSeconds(3), 2);
    WriterClient overBus = new WriterClient(vertx, owners, null, health, Duration.ofSeconds(3), 2);

    WriteResult first = write(direct, List.of(event("a"), event("b"))).await(10, TimeUnit.SECONDS);
    assertFalse(sentTo.contains(Addresses.writer(ME)), "no bus request: " + sentTo);
    assertTrue(sentTo.contains(Addresses.EVENTS), "the appended batch is published");

    WriteResult retried = write(overBus, List.of(event("b"))).await(10, TimeUnit.SECONDS);
    assertTrue(sentTo.contains(Addresses.writer(ME)), "a client without the endpoint uses the bus");
    assertEquals(List.of(0L, 1L), first.sequences());
    assertEquals(new WriteResult(first.epoch(), List.of(1L)), retried);
  }

  @Test
  void aLocalWriterThatDoesNotAnswerFailsTheWriteAsABusTimeoutWould() throws Exception {
    WriterEndpoint endpoint = deploy(p -> new StuckLog(new MemoryEventLog(100)));
    WriterClient client =
        new WriterClient(vertx, owners, endpoint, health, Duration.ofMillis(200), 2);

    Throwable failure =
        write(client, List.of(event("a")))
            .map(r -> (Throwable) new AssertionError("logged: " + r))
            .otherwise(cause -> cause)
            .await(10, TimeUnit.SECONDS);

    assertEquals(LogRefusal.UNAVAILABLE, assertInstanceOf(WriteRefused.class, failure).refusal());
    assertTrue(health.problem().isPresent(), "readiness is told");
  }

  /** A log that reads but never completes an append. */
  private record StuckLog(MemoryEventLog memory) implements EventLog {
    @Override
    public PartitionId partition() {
      return memory.partition();
    }

    @Override
    public Future<Long> append(String epoch, List<PendingEvent> events) {
      return Promise.<Long>promise().future();
    }

    @Override
    public Future<EventBatch> read(long from, int max) {
      return memory.read(from, max);
    }

    @Override
    public Future<Long> newest() {
      return memory.newest();
    }

    @Override
    public Future<String> epoch() {
      return memory.epoch();
    }

    @Override
    public Future<Long> find(String source, String id) {
      return memory.find(source, id);
    }

    @Override
    public Future<IdMatch> findId(String id) {
      return memory.findId(id);
    }
  }
}
