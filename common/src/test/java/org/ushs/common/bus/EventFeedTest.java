package org.ushs.common.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.SequencedEvent;

/**
 * {@link EventFeed} on a real event bus: a listener that does not want batches at once still gets
 * every batch, in order; batches held for it come before the next one it wants at once, and it can
 * take them at once when it asks. The last two hold batches for a minute, so that no timer hands
 * them over before what is tested does.
 */
class EventFeedTest {

  private static final EventKeys KEYS =
      new EventKeys("id", "/s", "org.ushs.error.x", Category.ERROR, null, null, null);

  private static final long HOLD_A_MINUTE = 60_000;

  private final Vertx vertx = Vertx.vertx();
  private final List<Long> eagerGot = new CopyOnWriteArrayList<>();
  private final List<Long> idleGot = new CopyOnWriteArrayList<>();
  private final AtomicBoolean idleWantsNow = new AtomicBoolean();
  private EventFeed.Listening idleListening;
  private Context idle;

  @BeforeEach
  void register() {
    EventBatchCodec.register(vertx.eventBus());
  }

  private void start(EventFeed feed) throws Exception {
    feed.start(vertx).await(10, TimeUnit.SECONDS);
    Context eager = vertx.getOrCreateContext();
    Context idle = vertx.getOrCreateContext();
    feed.listen(eager, batch -> eagerGot.add(batch.first()), () -> true);
    idleListening = feed.listen(idle, batch -> idleGot.add(batch.first()), idleWantsNow::get);
    this.idle = idle;
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private void publish(long sequence) {
    SequencedEvent event =
        new SequencedEvent(sequence, "0123456789abcdef", KEYS, Buffer.buffer("{}"));
    vertx.eventBus().publish(Addresses.EVENTS, EventBatch.live(List.of(event)));
  }

  private static void awaitSize(List<Long> got, int size) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (got.size() < size && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void aListenerThatDoesNotWantBatchesAtOnceGetsThemAllInOrder() throws Exception {
    start(new EventFeed());
    for (long s = 0; s < 5; s++) {
      publish(s);
    }

    awaitSize(idleGot, 5);
    awaitSize(eagerGot, 5);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), eagerGot);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), idleGot);
  }

  @Test
  void heldBatchesComeBeforeTheNextBatchWantedAtOnce() throws Exception {
    start(new EventFeed(HOLD_A_MINUTE));
    publish(0);
    publish(1);
    awaitSize(eagerGot, 2);
    assertEquals(List.of(), idleGot);
    idleWantsNow.set(true);
    publish(2);

    awaitSize(idleGot, 3);
    assertEquals(List.of(0L, 1L, 2L), idleGot);
  }

  @Test
  void aListenerThatAsksGetsWhatWasHeldForItAtOnce() throws Exception {
    start(new EventFeed(HOLD_A_MINUTE));
    publish(0);
    publish(1);
    awaitSize(eagerGot, 2); // the feed has taken both

    Promise<List<List<Long>>> seen = Promise.promise();
    idle.runOnContext(
        v -> {
          List<Long> before = List.copyOf(idleGot);
          idleListening.catchUp();
          seen.complete(List.of(before, List.copyOf(idleGot)));
        });
    assertEquals(List.of(List.of(), List.of(0L, 1L)), seen.future().await(10, TimeUnit.SECONDS));
  }
}
