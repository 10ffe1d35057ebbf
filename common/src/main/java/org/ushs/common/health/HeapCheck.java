package org.ushs.common.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Readiness on memory: a node whose old generation is still at least {@link #THRESHOLD} full right
 * after a garbage collection is not ready: it is about to fail with OutOfMemoryError, or already
 * spends its time collecting, and cannot serve new clients or publishes well. Only the heap pools
 * that support a usage threshold count (the tenured ones; a full survivor space is normal). Reads
 * the JVM's memory pools on each check. Thread-safe.
 */
public final class HeapCheck {

  /** The fraction of a tenured pool still in use after a collection that means "full". */
  public static final double THRESHOLD = 0.95;

  /** A pool's usage right after its last collection, and its maximum (-1: undefined). */
  public record PoolUsage(String pool, long usedAfterGc, long max) {}

  private final Supplier<List<PoolUsage>> pools;

  public HeapCheck(Supplier<List<PoolUsage>> pools) {
    this.pools = pools;
  }

  /** The check of this JVM's tenured heap pools. */
  public static HeapCheck ofThisJvm() {
    return new HeapCheck(HeapCheck::tenuredPools);
  }

  /** The reason the heap is full, or null when it is not. */
  public String fullness() {
    for (PoolUsage usage : pools.get()) {
      if (usage.max() > 0 && usage.usedAfterGc() >= THRESHOLD * usage.max()) {
        return String.format(
            Locale.ROOT,
            "heap nearly full after garbage collection: %s %d of %d MiB",
            usage.pool(),
            usage.usedAfterGc() >> 20,
            usage.max() >> 20);
      }
    }
    return null;
  }

  /** {@code inner}, failing first when the heap is full. */
  public Readiness guarding(Readiness inner) {
    return () -> {
      String full = fullness();
      return full == null ? inner.check() : Future.<JsonObject>failedFuture(full);
    };
  }

  private static List<PoolUsage> tenuredPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
        .filter(MemoryPoolMXBean::isUsageThresholdSupported)
        .filter(MemoryPoolMXBean::isCollectionUsageThresholdSupported)
        .map(HeapCheck::usageOf)
        .filter(usage -> usage != null)
        .toList();
  }

  private static PoolUsage usageOf(MemoryPoolMXBean pool) {
    MemoryUsage afterGc = pool.getCollectionUsage();
    return afterGc == null
        ? null
        : new PoolUsage(pool.getName(), afterGc.getUsed(), afterGc.getMax());
  }
}
