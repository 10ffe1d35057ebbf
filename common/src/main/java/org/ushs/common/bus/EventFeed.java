package org.ushs.common.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The node's one consumer of {@link Addresses#EVENTS}: each batch reaches the node once over the
 * bus and is decoded once, then handed to every listener (the gateway instances) on the listener's
 * own context, in order. A listener that does not want batches at once (a gateway instance without
 * sessions or connecting clients) gets them together every {@link #IDLE_HAND_OVER_MS} ms, or as
 * soon as it asks ({@link Listening#catchUp}, when a client starts connecting): waking its event
 * loop for every batch cost a node without clients two thread wake-ups per event.
 *
 * <p>Interest-based, as NATS routes between its servers: once no listener has wanted batches for
 * {@link #DORMANT_AFTER_MS} ms, the consumer unregisters, and the cluster stops sending this node
 * events at all. The next client to connect wakes it ({@link Listening#following}): the consumer
 * registers again and every listener restarts from the log's tail before that client's session
 * opens. Batches of an unknown wire version (decoded to null) are dropped. Listeners may register
 * from any thread.
 */
public final class EventFeed {

  private static final Logger LOG = Logger.getLogger(EventFeed.class.getName());

  /** Below the default USHS_GAP_WAIT, so that a held batch is not taken for a gap and read. */
  static final long IDLE_HAND_OVER_MS = 50;

  /** How long no listener may want batches before the node stops receiving them. */
  static final long DORMANT_AFTER_MS = 5000;

  /** A listener's batches not yet handed to it, and its restarts after the feed woke. */
  public static final class Listening {
    private final EventFeed feed;
    private final Context context;
    private final Consumer<EventBatch> handler;
    private final BooleanSupplier eager;
    private final Supplier<Future<Void>> restart;
    private final Queue<EventBatch> queued = new ConcurrentLinkedQueue<>();
    private volatile Future<Void> restarted =
        Future.succeededFuture(); // written with the feed's lock

    private Listening(
        EventFeed feed,
        Context context,
        Consumer<EventBatch> handler,
        BooleanSupplier eager,
        Supplier<Future<Void>> restart) {
      this.feed = feed;
      this.context = context;
      this.handler = handler;
      this.eager = eager;
      this.restart = restart;
    }

    /** Hands every batch received so far to the handler now; on the listener's context only. */
    public void catchUp() {
      for (EventBatch batch = queued.poll(); batch != null; batch = queued.poll()) {
        handler.accept(batch);
      }
    }

    /**
     * Completes once the node receives every batch from now on and this listener has restarted
     * after any pause: at once while the feed is awake. Ask after the listener became eager.
     */
    public Future<Void> following() {
      return feed.wake(this);
    }

    /** Whether the feed receives batches and this listener has restarted since it woke. */
    public boolean awake() {
      return !feed.dormant && restarted.succeeded();
    }

    private void handOver() {
      if (!queued.isEmpty()) {
        context.runOnContext(v -> catchUp());
      }
    }

    /** Runs the restart on the listener's context once registered, after the one before it. */
    private void restartAfter(Future<Void> registered) {
      restarted = restarted.transform(ignored -> registered).compose(v -> restartOnContext());
    }

    private Future<Void> restartOnContext() {
      Promise<Void> done = Promise.promise();
      // compose fails the future when the restart throws, instead of leaving it pending
      context.runOnContext(
          v -> Future.<Void>succeededFuture().compose(none -> restart.get()).onComplete(done));
      return done.future();
    }
  }

  private final List<Listening> listeners = new CopyOnWriteArrayList<>();
  private final long idleHandOverMs;
  private final long dormantAfterMs;
  private volatile boolean dormant; // written with this feed's lock
  private volatile MessageConsumer<EventBatch> consumer; // on the feed's context
  private volatile long lastWanted = System.nanoTime();
  private volatile boolean started;
  private Vertx vertx;
  private Context feedContext;
  private boolean handOverScheduled;

  public EventFeed() {
    this(IDLE_HAND_OVER_MS, DORMANT_AFTER_MS);
  }

  /**
   * Holds batches for listeners that do not want them at once up to {@code idleHandOverMs}, and
   * stops receiving after {@code dormantAfterMs} without a listener that wants them.
   */
  EventFeed(long idleHandOverMs, long dormantAfterMs) {
    this.idleHandOverMs = idleHandOverMs;
    this.dormantAfterMs = dormantAfterMs;
  }

  /** Registers the consumer; completes once it is known to the cluster. */
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    this.feedContext = vertx.getOrCreateContext();
    Promise<Void> registered = Promise.promise();
    feedContext.runOnContext(
        v -> {
          register().onSuccess(ok -> started = true).onComplete(registered);
          vertx.setPeriodic(Math.max(1, dormantAfterMs / 5), id -> checkInterest());
        });
    return registered.future();
  }

  /**
   * Hands every batch from now on to {@code handler}, on {@code context}: at once while {@code
   * eager} says so (asked on the consumer's thread), otherwise within the hold period. After a
   * dormant spell, {@code restart} runs on {@code context} before the listener is {@link
   * Listening#following following} again: the batches of the spell never came.
   */
  public Listening listen(
      Context context,
      Consumer<EventBatch> handler,
      BooleanSupplier eager,
      Supplier<Future<Void>> restart) {
    Listening listening = new Listening(this, context, handler, eager, restart);
    listeners.add(listening);
    return listening;
  }

  /**
   * Whether the node receives events, or is dormant (or waking) and will as soon as a client
   * connects; false before the first registration completes, or while it is lost.
   */
  public boolean receiving() {
    MessageConsumer<EventBatch> current = consumer;
    return started && (dormant || current == null || current.isRegistered());
  }

  /** Whether the node has stopped receiving events for want of clients. */
  public boolean dormant() {
    return dormant;
  }

  private synchronized Future<Void> wake(Listening listening) {
    lastWanted = System.nanoTime();
    if (dormant) {
      LOG.info("a client is connecting: this node receives events again");
      dormant = false;
      Promise<Void> registering = Promise.promise();
      feedContext.runOnContext(v -> register().onComplete(registering));
      listeners.forEach(each -> each.restartAfter(registering.future()));
    } else if (listening.restarted.failed()) {
      listening.restartAfter(Future.succeededFuture());
    }
    return listening.restarted;
  }

  /** On the feed's context; a registration that fails leaves the feed dormant, to wake again. */
  private Future<Void> register() {
    MessageConsumer<EventBatch> created =
        vertx.eventBus().consumer(Addresses.EVENTS, message -> deliver(message.body()));
    consumer = created;
    return created
        .completion()
        .onFailure(
            failure -> {
              synchronized (this) {
                if (consumer == created) {
                  consumer = null;
                  dormant = true;
                }
              }
            });
  }

  private boolean anyWanted() {
    return listeners.stream().anyMatch(listener -> listener.eager.getAsBoolean());
  }

  private void checkInterest() {
    if (anyWanted()) {
      lastWanted = System.nanoTime();
    } else if ((System.nanoTime() - lastWanted) / 1_000_000 >= dormantAfterMs) {
      goDormant();
    }
  }

  /**
   * Unregisters, unless a client started connecting meanwhile: a listener turns eager before it
   * asks {@link Listening#following}, which takes this lock.
   */
  private synchronized void goDormant() {
    MessageConsumer<EventBatch> current = consumer;
    if (dormant || current == null || anyWanted()) {
      return;
    }
    LOG.info("no clients for " + dormantAfterMs + " ms: this node stops receiving events");
    dormant = true;
    consumer = null;
    current.unregister();
  }

  private void deliver(EventBatch batch) {
    if (batch == null) {
      return;
    }
    for (Listening listener : listeners) {
      listener.queued.add(batch);
      if (listener.eager.getAsBoolean()) {
        listener.handOver();
      } else if (!handOverScheduled) {
        handOverScheduled = true;
        vertx.setTimer(idleHandOverMs, id -> handOverHeld());
      }
    }
  }

  private void handOverHeld() {
    handOverScheduled = false;
    listeners.forEach(Listening::handOver);
  }
}
