package org.ushs.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.health.HeapCheck.PoolUsage;

/** {@link HeapCheck}: readiness is DOWN while a tenured pool stays nearly full after GC. */
class HeapCheckTest {

  private static final long MIB = 1 << 20;

  /** Columns: MiB used after the last collection, the pool's max (-1: undefined), full? */
  @ParameterizedTest(name = "{0} of {1} MiB: full={2}")
  @CsvSource({
    "0, 1000, false",
    "900, 1000, false",
    "949, 1000, false",
    "950, 1000, true",
    "1000, 1000, true",
    "5000, -1, false"
  })
  void fullMeansAtLeast95PercentAfterGc(long used, long max, boolean full) {
    HeapCheck check =
        new HeapCheck(
            () -> List.of(new PoolUsage("G1 Old Gen", used * MIB, max < 0 ? -1 : max * MIB)));
    assertEquals(full, check.fullness() != null, String.valueOf(check.fullness()));
  }

  @Test
  void aFullHeapFailsReadinessWithTheReasonAndAnEmptyOneAsksTheNode() {
    Readiness node = () -> Future.succeededFuture(new JsonObject().put("members", 1));
    HeapCheck full =
        new HeapCheck(() -> List.of(new PoolUsage("Tenured Gen", 99 * MIB, 100 * MIB)));
    Future<JsonObject> down = full.guarding(node).check();
    assertTrue(down.failed());
    assertEquals(
        "heap nearly full after garbage collection: Tenured Gen 99 of 100 MiB",
        down.cause().getMessage());
    HeapCheck fine = new HeapCheck(() -> List.of(new PoolUsage("Tenured Gen", MIB, 100 * MIB)));
    assertEquals(1, fine.guarding(node).check().result().getInteger("members"));
  }

  @Test
  void thisJvmsHeapIsReadAndNotFull() {
    assertNull(HeapCheck.ofThisJvm().fullness());
  }
}
