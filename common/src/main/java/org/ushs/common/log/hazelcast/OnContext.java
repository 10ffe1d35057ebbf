package org.ushs.common.log.hazelcast;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Hazelcast completion handed straight to a Vert.x context. Hazelcast runs a future's callbacks
 * on its async executor, a thread of its own between the partition thread that completed it and the
 * event loop that waits for it: one more thread wake-up per call. Here the completing thread only
 * schedules the result onto the context, which is as short as a callback can be.
 */
final class OnContext {

  private OnContext() {}

  static <T> Future<T> of(CompletionStage<T> hazelcastStage, Context context) {
    CompletableFuture<T> direct = new CompletableFuture<>();
    hazelcastStage.whenCompleteAsync(
        (value, failure) -> {
          if (failure != null) {
            direct.completeExceptionally(failure);
          } else {
            direct.complete(value);
          }
        },
        Runnable::run);
    return Future.fromCompletionStage(direct, context);
  }
}
