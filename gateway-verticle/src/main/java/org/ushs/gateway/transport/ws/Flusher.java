package org.ushs.gateway.transport.ws;

import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Flushes every connection of one event loop that was written to, once: with no write delay at the
 * end of the event-loop turn, otherwise when the delay has passed since the first write that found
 * nothing waiting. One task (or timer) per event loop, not one per connection. Events that arrive
 * meanwhile (a bus message carries a batch, bus messages queue up under load, or a steady stream
 * within the delay) leave in one write per connection. Used on its event loop only.
 */
final class Flusher {

  private final Context context;
  private final long delayMs;
  private List<CoalescingWriter> written = new ArrayList<>();
  private boolean scheduled;

  Flusher(Context context, Duration delay) {
    this.context = context;
    this.delayMs = delay.toMillis();
  }

  /** Flushes {@code writer} after the delay, or after the tasks already queued on the loop. */
  void later(CoalescingWriter writer) {
    written.add(writer);
    if (!scheduled) {
      scheduled = true;
      if (delayMs == 0) {
        context.runOnContext(v -> flushAll());
      } else {
        context.owner().setTimer(delayMs, id -> flushAll());
      }
    }
  }

  private void flushAll() {
    scheduled = false;
    // a flush may complete writes at once, and a writer woken by that may queue itself again
    List<CoalescingWriter> due = written;
    written = new ArrayList<>();
    for (int i = 0; i < due.size(); i++) {
      due.get(i).flushNow();
    }
  }
}
