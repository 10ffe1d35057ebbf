package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes in progress, so that a shutdown can wait for each to be logged and acknowledged. Used
 * on one context only.
 */
final class InFlight {

  private final List<Promise<Void>> waiting = new ArrayList<>();
  private int count;

  /** Counts {@code publish} until it completes (either way); returns it unchanged. */
  <T> Future<T> track(Future<T> publish) {
    count++;
    return publish.andThen(
        done -> {
          count--;
          if (count == 0) {
            waiting.forEach(Promise::tryComplete);
            waiting.clear();
          }
        });
  }

  /** Completes once no publish is in progress. */
  Future<Void> idle() {
    if (count == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiting.add(promise);
    return promise.future();
  }

  int count() {
    return count;
  }
}
