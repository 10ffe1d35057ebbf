package org.ushs.replay;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.ReadRequest;
import org.ushs.common.log.EventLog;

/**
 * Serves reads of the replay log to every node over the clustered event bus: {@code
 * ushs.replay.read} ({@link ReadRequest} in, batch out), {@code ushs.replay.newest} and {@code
 * ushs.replay.find} (id in, sequence out).
 */
public final class ReplayVerticle extends VerticleBase {

  private static final int NO_LOG = 503;
  private static final int BAD_REQUEST = 400;

  private final EventLog log;

  public ReplayVerticle(EventLog log) {
    this.log = log;
  }

  @Override
  public Future<?> start() {
    return Future.all(
        vertx.eventBus().<JsonObject>consumer(Addresses.REPLAY_READ, this::read).completion(),
        vertx.eventBus().consumer(Addresses.REPLAY_NEWEST, this::newest).completion(),
        vertx.eventBus().<String>consumer(Addresses.REPLAY_FIND, this::find).completion());
  }

  private void read(Message<JsonObject> message) {
    ReadRequest request;
    try {
      request = ReadRequest.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(BAD_REQUEST, "bad read request");
      return;
    }
    log.read(request.from(), request.max())
        .onSuccess(message::reply)
        .onFailure(failure -> message.fail(NO_LOG, String.valueOf(failure.getMessage())));
  }

  private void find(Message<String> message) {
    if (message.body() == null) {
      message.fail(BAD_REQUEST, "an id is required");
      return;
    }
    log.find(message.body())
        .onSuccess(message::reply)
        .onFailure(failure -> message.fail(NO_LOG, String.valueOf(failure.getMessage())));
  }

  private void newest(Message<Object> message) {
    log.newest()
        .onSuccess(message::reply)
        .onFailure(failure -> message.fail(NO_LOG, String.valueOf(failure.getMessage())));
  }
}
