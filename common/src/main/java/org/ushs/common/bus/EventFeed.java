package org.ushs.common.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The node's one consumer of {@link Addresses#EVENTS}: each batch reaches the node once over the
 * bus and is decoded once, then handed to every listener (the gateway instances) on the listener's
 * own context, in order. A listener that does not want batches at once (a gateway instance without
 * sessions or connecting clients) gets them together every {@link #IDLE_HAND_OVER_MS} ms, or as
 * soon as it asks ({@link Listening#catchUp}, when a client starts connecting): waking its event
 * loop for every batch cost a node without clients two thread wake-ups per event. Batches of an
 * unknown wire version (decoded to null) are dropped. Listeners may register from any thread.
 */
public final class EventFeed {

  /** Below the default USHS_GAP_WAIT, so that a held batch is not taken for a gap and read. */
  static final long IDLE_HAND_OVER_MS = 50;

  /** A listener's batches not yet handed to it. */
  public static final class Listening {
    private final Context context;
    private final Consumer<EventBatch> handler;
    private final BooleanSupplier eager;
    private final Queue<EventBatch> queued = new ConcurrentLinkedQueue<>();

    private Listening(Context context, Consumer<EventBatch> handler, BooleanSupplier eager) {
      this.context = context;
      this.handler = handler;
      this.eager = eager;
    }

    /** Hands every batch received so far to the handler now; on the listener's context only. */
    public void catchUp() {
      for (EventBatch batch = queued.poll(); batch != null; batch = queued.poll()) {
        handler.accept(batch);
      }
    }

    private void handOver() {
      if (!queued.isEmpty()) {
        context.runOnContext(v -> catchUp());
      }
    }
  }

  private final List<Listening> listeners = new CopyOnWriteArrayList<>();
  private final long idleHandOverMs;
  private volatile MessageConsumer<EventBatch> consumer;
  private Vertx vertx;
  private boolean handOverScheduled;

  public EventFeed() {
    this(IDLE_HAND_OVER_MS);
  }

  /** Holds batches for listeners that do not want them at once up to {@code idleHandOverMs}. */
  EventFeed(long idleHandOverMs) {
    this.idleHandOverMs = idleHandOverMs;
  }

  /** Registers the consumer; completes once it is known to the cluster. */
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    consumer = vertx.eventBus().consumer(Addresses.EVENTS, message -> deliver(message.body()));
    return consumer.completion();
  }

  /**
   * Hands every batch from now on to {@code handler}, on {@code context}: at once while {@code
   * eager} says so (asked on the consumer's thread), otherwise within the hold period.
   */
  public Listening listen(Context context, Consumer<EventBatch> handler, BooleanSupplier eager) {
    Listening listening = new Listening(context, handler, eager);
    listeners.add(listening);
    return listening;
  }

  /** Whether the consumer is registered: the node can receive events. */
  public boolean receiving() {
    MessageConsumer<EventBatch> registered = consumer;
    return registered != null && registered.isRegistered();
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
