package org.ushs.gateway;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.ushs.common.event.SequencedEvent;

/**
 * Hands the ordered stream to the sessions at most {@code slice} deliveries per event-loop turn, so
 * that a large batch to many sessions (500 events to 5k sessions is 2.5M writes) never holds the
 * event loop for seconds: heartbeats, handshakes and flushes run between slices. What is over a
 * turn's slice waits for the next turn, and later events queue behind it, so the order holds. One
 * thread.
 */
final class FanOut implements Consumer<SequencedEvent> {

  private final Context context;
  private final ToIntFunction<SequencedEvent> deliver;
  private final int slice;
  private final ArrayDeque<SequencedEvent> queue = new ArrayDeque<>();
  private int used;
  private boolean turnEndScheduled;
  private long next = -1;

  /** {@code deliver} hands one event to its sessions and returns how many it was sent to. */
  FanOut(Context context, ToIntFunction<SequencedEvent> deliver, int slice) {
    this.context = context;
    this.deliver = deliver;
    this.slice = slice;
  }

  @Override
  public void accept(SequencedEvent event) {
    queue.add(event);
    if (used < slice) {
      drain();
    }
  }

  /** The sequence after the last event handed to the sessions, or -1 before the first. */
  long next() {
    return next;
  }

  /** The stream starts over at {@code sequence}: nothing before it will be handed out. */
  void restartAt(long sequence) {
    next = sequence;
  }

  private void drain() {
    while (used < slice && !queue.isEmpty()) {
      SequencedEvent event = queue.poll();
      used += 1 + deliver.applyAsInt(event);
      next = event.sequence() + 1;
    }
    if (!turnEndScheduled) {
      turnEndScheduled = true;
      context.runOnContext(v -> endTurn());
    }
  }

  /** Runs after the tasks queued during the turn: a new slice, for what waits. */
  private void endTurn() {
    turnEndScheduled = false;
    used = 0;
    if (!queue.isEmpty()) {
      drain();
    }
  }
}
