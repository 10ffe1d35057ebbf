package org.ushs.app;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.ForkJoinPool;

/**
 * Gives the callbacks of Hazelcast futures that USHS does not hand to a context itself (the log's
 * go through {@code OnContext}; Hazelcast's and the cluster manager's own) a bounded async executor
 * of {@value #THREADS} threads where its default would start a new thread per completion: when the
 * common {@link ForkJoinPool} has a parallelism of 1 (2 cores or fewer). Why: {@code
 * docs/decisions/hazelcast-async-executor.md}.
 */
final class HazelcastAsync {

  private static final int THREADS = 2;

  private HazelcastAsync() {}

  /** Gives Hazelcast a bounded async executor when it would start a thread per task; idempotent. */
  static void bound() {
    if (ForkJoinPool.getCommonPoolParallelism() <= 1) {
      ConcurrencyUtil.setDefaultAsyncExecutor(Pool.INSTANCE);
    }
  }

  /** Created on first use only: one per JVM, whatever the number of nodes in it. */
  private static final class Pool {
    static final ForkJoinPool INSTANCE = new ForkJoinPool(THREADS);
  }
}
