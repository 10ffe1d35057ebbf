package org.ushs.gateway.resume;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;

/**
 * Bounds concurrent replays: beyond {@code permits}, a resume waits its turn (it is never refused).
 * One thread.
 */
public final class ReplayGate {

  private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
  private int free;

  public ReplayGate(int permits) {
    this.free = permits;
  }

  /** Completes when a replay may run; call {@link #release()} once after it ends. */
  public Future<Void> acquire() {
    if (free > 0) {
      free--;
      return Future.succeededFuture();
    }
    Promise<Void> turn = Promise.promise();
    waiting.add(turn);
    return turn.future();
  }

  public void release() {
    Promise<Void> next = waiting.poll();
    if (next != null) {
      next.complete();
    } else {
      free++;
    }
  }
}
