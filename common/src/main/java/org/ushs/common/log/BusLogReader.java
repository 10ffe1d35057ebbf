package org.ushs.common.log;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.ReadRequest;

/** Reads the log through the replay verticle of any node, over the clustered event bus. */
public final class BusLogReader implements LogReader {

  private final EventBus bus;
  private final DeliveryOptions options;

  public BusLogReader(EventBus bus, Duration timeout) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
  }

  @Override
  public Future<EventBatch> read(long from, int max) {
    return bus.<EventBatch>request(
            Addresses.REPLAY_READ, new ReadRequest(from, max).toJson(), options)
        .map(reply -> reply.body());
  }

  @Override
  public Future<Long> find(String id) {
    return bus.<Long>request(Addresses.REPLAY_FIND, id, options).map(reply -> reply.body());
  }

  @Override
  public Future<Long> newest() {
    return bus.<Long>request(Addresses.REPLAY_NEWEST, null, options).map(reply -> reply.body());
  }
}
