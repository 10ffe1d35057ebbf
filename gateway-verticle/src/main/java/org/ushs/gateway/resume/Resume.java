package org.ushs.gateway.resume;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.GatewayMetrics;

/**
 * Last-Event-ID resume of one session: live events are held while the log (or, for recent events,
 * {@link RecentEvents}) is read from the event after the given id, in bounded batches paced by the
 * socket; then the held events follow, skipping what was sent. No gap, no duplicate. The answer
 * {@code {"type":"replay", "recovered":..,"count":..}} is honest: an unknown id or one that left
 * retention replays nothing and says {@code recovered:false}. One thread (the session's event
 * loop).
 */
public final class Resume {

  /** The id that asks for everything retained. */
  public static final String EARLIEST = "earliest";

  static final int BATCH = 500;
  static final int MAX_HELD = 10_000;

  private final ResumeTarget target;
  private final Context context;
  private final LogReader log;
  private final IdIndex index;
  private final RecentEvents recent;
  private final ReplayGate gate;
  private final GatewayMetrics metrics;
  private List<SequencedEvent> held = new ArrayList<>();
  private boolean droppedHeld;
  private int count;

  public Resume(ResumeTarget target, Replays shared) {
    this.target = target;
    this.context = shared.context();
    this.log = shared.log();
    this.index = shared.index();
    this.recent = shared.recent();
    this.gate = shared.gate();
    this.metrics = shared.metrics();
  }

  /** A live event the session wants, held until the replay is done. */
  public void hold(SequencedEvent event) {
    if (held.size() >= MAX_HELD) {
      // all of them are in the log: the replay reads them from there instead
      held = new ArrayList<>();
      droppedHeld = true;
    }
    held.add(event);
  }

  /** Starts resuming after the event with CloudEvent id {@code lastEventId}. */
  public void start(String lastEventId) {
    metrics.replayRequested();
    gate.acquire()
        .compose(turn -> resolve(lastEventId))
        .onSuccess(
            after -> {
              if (after == null) {
                finish(false);
              } else {
                read(after + 1, !EARLIEST.equals(lastEventId));
              }
            })
        .onFailure(failure -> fail());
  }

  /** The sequence to replay after, or null when the id is unknown. */
  private Future<Long> resolve(String lastEventId) {
    if (EARLIEST.equals(lastEventId)) {
      return Future.succeededFuture(-1L);
    }
    Long known = index.get(lastEventId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return log.find(lastEventId).map(found -> found < 0 ? null : found);
  }

  private void read(long from, boolean mustContinue) {
    take(readFrom(from), from, mustContinue);
  }

  /**
   * Reads the batch at {@code from}, from memory when it is recent; held events dropped from now on
   * are read back later. A batch from memory is taken on the next turn of the event loop, so that a
   * long replay lets other sessions' events through between its batches.
   */
  private Future<EventBatch> readFrom(long from) {
    droppedHeld = false;
    EventBatch cached = recent.read(from, BATCH);
    if (cached == null) {
      return log.read(from, BATCH);
    }
    Promise<EventBatch> nextTurn = Promise.promise();
    context.runOnContext(v -> nextTurn.complete(cached));
    return nextTurn.future();
  }

  private void take(Future<EventBatch> reading, long from, boolean mustContinue) {
    if (target.isClosing()) {
      gate.release();
      return;
    }
    reading.onSuccess(batch -> replay(batch, from, mustContinue)).onFailure(failure -> fail());
  }

  /**
   * Sends one batch; the next is read meanwhile (while this one is written out), so the log's
   * latency is paid once rather than once per batch.
   */
  private void replay(EventBatch batch, long from, boolean mustContinue) {
    if (mustContinue && batch.first() > from) {
      finish(false);
      return;
    }
    boolean full = batch.events().size() >= BATCH;
    Future<EventBatch> next = full ? readFrom(batch.next()) : null;
    for (SequencedEvent event : batch.events()) {
      if (target.wants(event)) {
        target.sendEvent(event);
        count++;
      }
    }
    if (!full && !droppedHeld) {
      finish(true);
      return;
    }
    Future<EventBatch> following = next != null ? next : readFrom(batch.next());
    if (!target.writeQueueFull(drained -> take(following, batch.next(), false))) {
      take(following, batch.next(), false);
    }
  }

  private void finish(boolean recovered) {
    gate.release();
    metrics.replayed(recovered);
    if (target.isClosing()) {
      return;
    }
    target.sendMessage(
        new JsonObject()
            .put("type", "replay")
            .put("recovered", recovered)
            .put("count", recovered ? count : 0)
            .toBuffer());
    for (SequencedEvent event : held) {
      if (target.wants(event)) {
        target.sendEvent(event);
      }
    }
    held = List.of();
    target.resumed();
  }

  private void fail() {
    gate.release();
    target.failReplay();
  }
}
