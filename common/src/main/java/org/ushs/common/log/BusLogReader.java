package org.ushs.common.log;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.ReadRequest;

/**
 * Reads the log through the replay verticle of any node, over the clustered event bus. A read that
 * gets no answer (timeout, no handler, a node that just died) is sent again, up to {@link
 * #ATTEMPTS} times in all: reads are idempotent, and the next one goes to another node.
 */
public final class BusLogReader implements LogReader {

  static final int ATTEMPTS = 3;

  private final EventBus bus;
  private final DeliveryOptions options;

  public BusLogReader(EventBus bus, Duration timeout) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
  }

  @Override
  public Future<EventBatch> read(long from, int max) {
    return request(Addresses.REPLAY_READ, new ReadRequest(from, max).toJson(), 1);
  }

  @Override
  public Future<Long> find(String source, String id) {
    JsonObject key = new JsonObject().put("source", source).put("id", id);
    return request(Addresses.REPLAY_FIND_KEY, key, 1);
  }

  @Override
  public Future<IdMatch> findId(String id) {
    return this.<JsonObject>request(Addresses.REPLAY_FIND_ID, id, 1)
        .map(found -> new IdMatch(found.getLong("sequence"), found.getBoolean("ambiguous")));
  }

  @Override
  public Future<String> epoch() {
    return request(Addresses.REPLAY_EPOCH, null, 1);
  }

  @Override
  public Future<Long> newest() {
    return request(Addresses.REPLAY_NEWEST, null, 1);
  }

  private <T> Future<T> request(String address, Object body, int attempt) {
    return bus.<T>request(address, body, options)
        .map(Message::body)
        .recover(
            failure ->
                attempt < ATTEMPTS && unanswered(failure)
                    ? request(address, body, attempt + 1)
                    : Future.failedFuture(failure));
  }

  /** No reply at all, as opposed to a replay verticle that answered with a failure. */
  private static boolean unanswered(Throwable failure) {
    return failure instanceof ReplyException reply
        && reply.failureType() != ReplyFailure.RECIPIENT_FAILURE;
  }
}
