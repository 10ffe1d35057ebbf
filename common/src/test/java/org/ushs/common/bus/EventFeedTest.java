package org.ushs.common.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
  private static final long NEVER_DORMANT = Long.MAX_VALUE / 2;

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
    feed.listen(eager, batch -> eagerGot.add(batch.first()), () -> true, Future::succeededFuture);
    idleListening = listenWhenAsked(feed, idle, Future::succeededFuture);
    this.idle = idle;
  }

  /** A listener on {@code context} into {@code idleGot} that wants batches at once when asked. */
  private EventFeed.Listening listenWhenAsked(
      EventFeed feed, Context context, Supplier<Future<Void>> restart) {
    return feed.listen(context, batch -> idleGot.add(batch.first()), idleWantsNow::get, restart);
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
    start(new EventFeed(EventFeed.IDLE_HAND_OVER_MS, NEVER_DORMANT));
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
    start(new EventFeed(HOLD_A_MINUTE, NEVER_DORMANT));
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
    start(new EventFeed(HOLD_A_MINUTE, NEVER_DORMANT));
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

  @Test
  void withNoListenerWantingBatchesTheFeedStopsReceivingAndWakesForTheNextClient()
      throws Exception {
    EventFeed feed = new EventFeed(EventFeed.IDLE_HAND_OVER_MS, 200);
    feed.start(vertx).await(10, TimeUnit.SECONDS);
    Context context = vertx.getOrCreateContext();
    AtomicInteger restarts = new AtomicInteger();
    List<Boolean> restartedOnContext = new CopyOnWriteArrayList<>();
    EventFeed.Listening listening =
        listenWhenAsked(
            feed,
            context,
            () -> {
              restarts.incrementAndGet();
              restartedOnContext.add(Vertx.currentContext() == context);
              return Future.succeededFuture();
            });
    awaitDormant(feed, true);
    publish(0);
    Thread.sleep(300);
    assertEquals(List.of(), idleGot, "a dormant node receives nothing");
    assertTrue(feed.receiving(), "dormant is not broken: readiness stays up");

    idleWantsNow.set(true);
    Promise<Void> woken = Promise.promise();
    context.runOnContext(v -> listening.following().onComplete(woken));
    woken.future().await(10, TimeUnit.SECONDS);
    assertFalse(feed.dormant());
    assertEquals(List.of(true), restartedOnContext);
    publish(1);
    awaitSize(idleGot, 1);
    assertEquals(List.of(1L), idleGot);

    Thread.sleep(400);
    assertFalse(feed.dormant(), "a listener that wants batches keeps the feed awake");
    assertEquals(1, restarts.get());
  }

  @Test
  void aListenerThatWantsBatchesKeepsTheFeedAwakeAndFollowingCostsNothing() throws Exception {
    EventFeed feed = new EventFeed(EventFeed.IDLE_HAND_OVER_MS, 100);
    feed.start(vertx).await(10, TimeUnit.SECONDS);
    AtomicInteger restarts = new AtomicInteger();
    EventFeed.Listening listening =
        feed.listen(
            vertx.getOrCreateContext(),
            batch -> eagerGot.add(batch.first()),
            () -> true,
            () -> {
              restarts.incrementAndGet();
              return Future.succeededFuture();
            });
    Thread.sleep(400);
    assertFalse(feed.dormant());
    assertTrue(listening.following().succeeded());
    assertEquals(0, restarts.get());
  }

  private static void awaitDormant(EventFeed feed, boolean dormant) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (feed.dormant() != dormant && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(dormant, feed.dormant());
  }

  @Test
  void aListenerWhoseRestartFailedRestartsAtTheNextClientWithoutWaitingForADormantSpell()
      throws Exception {
    EventFeed feed = new EventFeed(EventFeed.IDLE_HAND_OVER_MS, 200);
    assertFalse(feed.receiving(), "not ready before the consumer is registered");
    feed.start(vertx).await(10, TimeUnit.SECONDS);
    assertTrue(feed.receiving());
    Context context = vertx.getOrCreateContext();
    AtomicInteger restarts = new AtomicInteger();
    EventFeed.Listening listening =
        listenWhenAsked(
            feed,
            context,
            () ->
                restarts.incrementAndGet() == 1
                    ? Future.failedFuture("the log did not answer")
                    : Future.succeededFuture());
    awaitDormant(feed, true);
    idleWantsNow.set(true);

    assertFalse(following(context, listening).succeeded());
    assertFalse(listening.awake(), "no gap filling from a stream that did not restart");
    assertTrue(following(context, listening).succeeded());
    assertTrue(listening.awake());
    assertEquals(2, restarts.get());
  }

  @Test
  void aRestartThatThrowsFailsTheWakeInsteadOfHangingIt() throws Exception {
    EventFeed feed = new EventFeed(EventFeed.IDLE_HAND_OVER_MS, 200);
    feed.start(vertx).await(10, TimeUnit.SECONDS);
    Context context = vertx.getOrCreateContext();
    EventFeed.Listening listening =
        listenWhenAsked(
            feed,
            context,
            () -> {
              throw new IllegalStateException("restart broke");
            });
    awaitDormant(feed, true);
    idleWantsNow.set(true);

    AsyncResult<Void> woken = following(context, listening);
    assertTrue(woken.failed());
    assertEquals("restart broke", woken.cause().getMessage());
  }

  private static AsyncResult<Void> following(Context context, EventFeed.Listening listening)
      throws Exception {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> listening.following().onComplete(done));
    try {
      done.future().await(10, TimeUnit.SECONDS);
    } catch (Exception expected) {
      // the failure is in the result
    }
    return done.future();
  }
}
