package org.ushs.common.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node's one consumer of {@link Addresses#EVENTS}: each batch reaches the node once over the
 * bus and is decoded once, then handed to every listener (the gateway instances) on the listener's
 * own context. Batches of an unknown wire version (decoded to null) are dropped. Thread-safe.
 */
public final class EventFeed {

  private record Listener(Context context, Consumer<EventBatch> handler) {}

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile MessageConsumer<EventBatch> consumer;

  /** Registers the consumer; completes once it is known to the cluster. */
  public Future<Void> start(Vertx vertx) {
    consumer = vertx.eventBus().consumer(Addresses.EVENTS, message -> deliver(message.body()));
    return consumer.completion();
  }

  /** Hands every batch from now on to {@code handler}, on {@code context}. */
  public void listen(Context context, Consumer<EventBatch> handler) {
    listeners.add(new Listener(context, handler));
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
      listener.context().runOnContext(v -> listener.handler().accept(batch));
    }
  }
}
