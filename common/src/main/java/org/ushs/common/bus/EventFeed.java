package org.ushs.common.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The node's one consumer of {@link Addresses#EVENTS}: each batch reaches the node once over the
 * bus and is decoded once, then handed to every listener (the gateway instances) on the listener's
 * own context. A listener that does not want batches at once (a gateway instance without sessions)
 * gets them together every {@link #IDLE_HAND_OVER_MS} ms, or before the next batch it wants at
 * once, in order: waking its event loop for every batch cost a node without clients two thread
 * wake-ups per event. Batches of an unknown wire version (decoded to null) are dropped. Listeners
 * may register from any thread; batches move on the consumer's context only.
 */
public final class EventFeed {

  static final long IDLE_HAND_OVER_MS = 100;

  private static final class Listener {
    final Context context;
    final Consumer<EventBatch> handler;
    final BooleanSupplier eager;
    List<EventBatch> held = new ArrayList<>();

    Listener(Context context, Consumer<EventBatch> handler, BooleanSupplier eager) {
      this.context = context;
      this.handler = handler;
      this.eager = eager;
    }
  }

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile MessageConsumer<EventBatch> consumer;
  private Vertx vertx;
  private boolean handOverScheduled;

  /** Registers the consumer; completes once it is known to the cluster. */
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    consumer = vertx.eventBus().consumer(Addresses.EVENTS, message -> deliver(message.body()));
    return consumer.completion();
  }

  /** Hands every batch from now on to {@code handler}, on {@code context}, at once. */
  public void listen(Context context, Consumer<EventBatch> handler) {
    listen(context, handler, () -> true);
  }

  /**
   * Hands every batch from now on to {@code handler}, on {@code context}: at once while {@code
   * eager} says so (asked on the consumer's thread), otherwise held for a while.
   */
  public void listen(Context context, Consumer<EventBatch> handler, BooleanSupplier eager) {
    listeners.add(new Listener(context, handler, eager));
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
    for (Listener listener : listeners) {
      listener.held.add(batch);
      if (listener.eager.getAsBoolean()) {
        handOver(listener);
      } else if (!handOverScheduled) {
        handOverScheduled = true;
        vertx.setTimer(IDLE_HAND_OVER_MS, id -> handOverHeld());
      }
    }
  }

  private void handOverHeld() {
    handOverScheduled = false;
    listeners.forEach(EventFeed::handOver);
  }

  private static void handOver(Listener listener) {
    if (listener.held.isEmpty()) {
      return;
    }
    List<EventBatch> batches = listener.held;
    listener.held = new ArrayList<>(1);
    listener.context.runOnContext(v -> batches.forEach(listener.handler));
  }
}
