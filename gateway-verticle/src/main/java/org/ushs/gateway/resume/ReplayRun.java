package org.ushs.gateway.resume;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.GatewayMetrics;
import org.ushs.gateway.protocol.ServerMessages;

/**
 * One replay of a connection: live events are held while the log (or, for recent events, {@link
 * RecentEvents}) is read from the event after the resume point, in bounded batches paced by the
 * socket; then the held events follow, skipping what was sent. No gap, no duplicate. It ends with
 * one {@code {"type":"replay","recovered":..,"count":..,"epoch":..}}: {@code count} is how many
 * events this run sent. A point that cannot be resolved, or whose next event has left retention,
 * replays nothing ({@code recovered:false}, {@code count:0}); events overwritten while the run
 * reads are announced with a {@code gap} ({@code retention}) and make it {@code recovered:false}.
 * Held events dropped over the bound are read back from the log, never lost. One thread (the
 * connection's event loop).
 */
public final class ReplayRun {

  static final int BATCH = 500;
  static final int MAX_HELD = 10_000;
  static final long MAX_HELD_BYTES = 8L * 1024 * 1024;

  private final ResumeTarget target;
  private final Context context;
  private final LogReader log;
  private final RecentEvents recent;
  private final ReplayGate gate;
  private final GatewayMetrics metrics;
  private final String epoch;
  private final long boundary;
  private final Held held = new Held(MAX_HELD, MAX_HELD_BYTES);
  private boolean lost;
  private boolean counting = true;
  private boolean fromOldest;
  private int count;

  /**
   * A run for {@code target}; {@code boundary} is the newest sequence the connection was offered
   * live before the run began: every later one is held now and offered again after.
   */
  public ReplayRun(ResumeTarget target, Replays shared, long boundary) {
    this.target = target;
    this.context = shared.context();
    this.log = shared.log();
    this.recent = shared.recent();
    this.gate = shared.gate();
    this.metrics = shared.metrics();
    this.epoch = shared.resumeLog().epoch();
    this.boundary = boundary;
  }

  /** The newest sequence offered live before this run: see the constructor. */
  public long boundary() {
    return boundary;
  }

  /** A live event the connection wants, held until the run is done. */
  public void hold(SequencedEvent event) {
    held.add(event);
  }

  /** A live gap notice, held in its place among the live events. */
  public void holdGap(long from, long to, long count, String reason) {
    held.add(new Held.GapNotice(from, to, count, reason));
  }

  /**
   * Replays after the sequence {@code after} resolves to (null: no honest resume). The run waits
   * for a free slot of the gate first.
   */
  public void start(Future<Long> after) {
    metrics.replayRequested();
    gate.acquire()
        .compose(turn -> after)
        .onSuccess(
            sequence -> {
              if (sequence == null) {
                catchUpThenFinish();
              } else {
                fromOldest = sequence < 0;
                read(sequence + 1, true);
              }
            })
        .onFailure(failure -> fail());
  }

  /**
   * For a connection with no subscription: resolves the point and answers {@code replay} (count 0)
   * without reading the log.
   */
  public void answerOnly(Future<Long> after) {
    metrics.replayRequested();
    after
        .onSuccess(
            sequence -> {
              lost = sequence == null;
              finishUngated();
            })
        .onFailure(failure -> target.failReplay());
  }

  /** With no replay: what was dropped from the held events is read back first. */
  private void catchUpThenFinish() {
    lost = true;
    counting = false;
    if (held.dropped()) {
      read(boundary + 1, false);
    } else {
      finish();
    }
  }

  /**
   * Reads from {@code from}; with {@code first}, a log that no longer holds {@code from} means the
   * point left retention (nothing is replayed), unless the run asked for everything retained
   * ({@code fromOldest}): then it starts wherever the log does.
   */
  private void read(long from, boolean first) {
    take(readFrom(from), from, first);
  }

  /**
   * Reads the batch at {@code from}, from memory when it is recent; held events dropped from now on
   * are read back later. A batch from memory is taken on the next turn of the event loop, so that a
   * long replay lets other connections' events through between its batches.
   */
  private Future<EventBatch> readFrom(long from) {
    held.clearDropped();
    EventBatch cached = recent.read(from, BATCH);
    if (cached == null) {
      return log.read(from, BATCH);
    }
    Promise<EventBatch> nextTurn = Promise.promise();
    context.runOnContext(v -> nextTurn.complete(cached));
    return nextTurn.future();
  }

  private void take(Future<EventBatch> reading, long from, boolean first) {
    if (target.isClosing()) {
      gate.release();
      return;
    }
    reading.onSuccess(batch -> replay(batch, from, first)).onFailure(failure -> fail());
  }

  /**
   * Sends one batch; the next is read meanwhile (while this one is written out), so the log's
   * latency is paid once rather than once per batch. Each batch is checked for events that left
   * retention since the previous one.
   */
  private void replay(EventBatch batch, long from, boolean first) {
    if (batch.first() > from && !(first && fromOldest)) {
      if (first && !lost) {
        catchUpThenFinish();
        return;
      }
      lost = true;
      target.sendGap(from, batch.first() - 1, batch.first() - from, "retention");
    }
    boolean full = batch.events().size() >= BATCH;
    Future<EventBatch> next = full ? readFrom(batch.next()) : null;
    for (SequencedEvent event : batch.events()) {
      if (target.wants(event)) {
        target.sendEvent(event);
        count += counting ? 1 : 0;
      }
    }
    if (!full && !held.dropped()) {
      finish();
      return;
    }
    Future<EventBatch> following = next != null ? next : readFrom(batch.next());
    if (!target.writeQueueFull(drained -> take(following, batch.next(), false))) {
      take(following, batch.next(), false);
    }
  }

  private void finish() {
    gate.release();
    finishUngated();
  }

  private void finishUngated() {
    metrics.replayed(!lost);
    if (target.isClosing()) {
      return;
    }
    target.sendMessage(ServerMessages.replay(!lost, count, epoch));
    for (Object item : held.take()) {
      if (item instanceof SequencedEvent event) {
        if (target.wants(event)) {
          target.sendEvent(event);
        }
      } else if (item instanceof Held.GapNotice gap) {
        target.sendGap(gap.from(), gap.to(), gap.count(), gap.reason());
      }
    }
    target.replayEnded();
  }

  private void fail() {
    gate.release();
    target.failReplay();
  }
}
