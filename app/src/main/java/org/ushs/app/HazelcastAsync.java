package org.ushs.app;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.ForkJoinPool;

/**
 * Hazelcast completes its multi-partition calls ({@code submitToKeys}, {@code putAllAsync}) on its
 * default async executor: the common {@link ForkJoinPool}, or, where that pool has a parallelism of
 * 1 (on 2 cores or fewer), a new thread per completion. On such machines every publish started two
 * or three threads, and thread start-up and the JIT work it caused cost more CPU than the publish
 * itself. There it gets a pool of its own, as it would with more cores.
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
