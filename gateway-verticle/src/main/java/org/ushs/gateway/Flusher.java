package org.ushs.gateway;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Flushes every connection of one event loop that was written to during a turn, once, at the end of
 * the turn: one task per event loop, not one per connection. Events that arrive in the same turn (a
 * bus message carries a batch, and bus messages queue up under load) leave in one flush per
 * connection. Used on its event loop only.
 */
final class Flusher {

  private final Context context;
  private final List<CoalescingWriter> written = new ArrayList<>();
  private boolean scheduled;

  Flusher(Context context) {
    this.context = context;
  }

  /** Flushes {@code writer} after the tasks already queued on the event loop. */
  void later(CoalescingWriter writer) {
    written.add(writer);
    if (!scheduled) {
      scheduled = true;
      context.runOnContext(v -> flushAll());
    }
  }

  private void flushAll() {
    scheduled = false;
    for (int i = 0; i < written.size(); i++) {
      written.get(i).flushNow();
    }
    written.clear();
  }
}
