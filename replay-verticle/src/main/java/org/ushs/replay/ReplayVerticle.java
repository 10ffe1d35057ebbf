package org.ushs.replay;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.ReadRequest;
import org.ushs.common.log.LogReader;

/**
 * Serves reads of the replay log to every node over the clustered event bus: {@code
 * ushs.replay.read} ({@link ReadRequest} in, batch out), {@code ushs.replay.newest}, {@code
 * ushs.replay.epoch}, {@code ushs.replay.find} (id in, sequence out, -1 when unknown or ambiguous),
 * {@code ushs.replay.find.key} ({@code {"source","id"}} in, sequence out) and {@code
 * ushs.replay.find.id} (id in, {@code {"sequence","ambiguous"}} out).
 */
public final class ReplayVerticle extends VerticleBase {

  private static final int NO_LOG = 503;
  private static final int BAD_REQUEST = 400;

  private final LogReader log;

  public ReplayVerticle(LogReader log) {
    this.log = log;
  }

  @Override
  public Future<?> start() {
    var bus = vertx.eventBus();
    return Future.all(
        java.util.List.of(
            bus.<JsonObject>consumer(Addresses.REPLAY_READ, this::read).completion(),
            bus.consumer(Addresses.REPLAY_NEWEST, m -> answer(m, log.newest())).completion(),
            bus.consumer(Addresses.REPLAY_EPOCH, m -> answer(m, log.epoch())).completion(),
            bus.<String>consumer(Addresses.REPLAY_FIND, this::find).completion(),
            bus.<JsonObject>consumer(Addresses.REPLAY_FIND_KEY, this::findKey).completion(),
            bus.<String>consumer(Addresses.REPLAY_FIND_ID, this::findId).completion()));
  }

  private void read(Message<JsonObject> message) {
    ReadRequest request;
    try {
      request = ReadRequest.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(BAD_REQUEST, "bad read request");
      return;
    }
    answer(message, log.read(request.from(), request.max()));
  }

  private void find(Message<String> message) {
    if (message.body() == null) {
      message.fail(BAD_REQUEST, "an id is required");
      return;
    }
    answer(message, log.find(message.body()));
  }

  private void findKey(Message<JsonObject> message) {
    JsonObject key = message.body();
    if (key == null
        || !(key.getValue("source") instanceof String source)
        || !(key.getValue("id") instanceof String id)) {
      message.fail(BAD_REQUEST, "a source and an id are required");
      return;
    }
    answer(message, log.find(source, id));
  }

  private void findId(Message<String> message) {
    if (message.body() == null) {
      message.fail(BAD_REQUEST, "an id is required");
      return;
    }
    answer(
        message,
        log.findId(message.body())
            .map(
                m ->
                    new JsonObject()
                        .put("sequence", m.sequence())
                        .put("ambiguous", m.ambiguous())));
  }

  private static <T> void answer(Message<?> message, Future<T> result) {
    result
        .onSuccess(message::reply)
        .onFailure(failure -> message.fail(NO_LOG, String.valueOf(failure.getMessage())));
  }
}
