package org.ushs.ingest;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.LoopbackHazelcast;
import org.ushs.common.log.PublishDedupe;
import org.ushs.common.log.RingbufferEventLog;

/**
 * {@link Publisher} when Hazelcast refuses a call outright (the node is shutting down): each
 * publish fails, and a failed turn does not leave later publishes waiting forever.
 */
class PublisherFailureTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void publishesFailWhileHazelcastIsDownAndLaterOnesAreNotStuck() throws Exception {
    Config config = LoopbackHazelcast.config("publisher-failure");
    RingbufferEventLog.configure(config, 100, Duration.ofHours(1));
    PublishDedupe.configure(config, 100, Duration.ofHours(1));
    HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);
    PublishDedupe dedupe = new PublishDedupe(vertx, hazelcast, 100, Duration.ofHours(1));
    RingbufferEventLog log = new RingbufferEventLog(vertx, hazelcast, 100);
    hazelcast.shutdown();
    Context context = vertx.getOrCreateContext();
    Publisher publisher =
        new Publisher(
            context,
            new AppendBatcher(log, vertx.eventBus(), new IngestMetrics(new SimpleMeterRegistry())),
            dedupe,
            log);

    for (int attempt = 1; attempt <= 2; attempt++) {
      Future<List<Long>> published = onContext(context, publisher, event("e-" + attempt));
      // failed, not timed out
      assertThrows(
          ExecutionException.class,
          () -> published.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
  }

  private static Future<List<Long>> onContext(
      Context context, Publisher publisher, PendingEvent event) {
    Promise<List<Long>> result = Promise.promise();
    context.runOnContext(v -> publisher.publish(List.of(event)).onComplete(result));
    return result.future();
  }

  private static PendingEvent event(String id) {
    EventKeys keys =
        new EventKeys(id, "/src", "org.ushs.error.detected", Category.ERROR, "a", "low", null);
    return new PendingEvent(keys, Buffer.buffer("{}"));
  }
}
