package org.ushs.gateway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConnectionLimits}: per node and per principal id, each admission paired with a release.
 */
class ConnectionLimitsTest {

  /**
   * Steps: {@code +id} admits (expect {@code ok}, {@code node} or {@code identity} after {@code
   * =}), {@code -id} releases. Then the open count.
   */
  @ParameterizedTest(name = "{0} per node, {1} per identity: {2}")
  @CsvSource({
    "3, 2, +a=ok +a=ok +a=identity +b=ok +c=node, 3",
    "3, 2, +a=ok +a=ok -a +a=ok +a=identity, 2",
    "3, 2, +a=ok +b=ok +c=ok +d=node -b +d=ok, 3",
    "3, 2, +a=ok +a=ok +a=identity +a=identity -a -a +a=ok, 1",
    "1, 1, +a=ok +b=node -a +b=ok +b=node, 1",
    "5, 5, +a=ok -a -a +a=ok, 1",
    "5, 5, -a +a=ok +b=ok, 2",
  })
  void admitsWithinBothLimits(int perNode, int perIdentity, String script, int open) {
    ConnectionLimits limits = new ConnectionLimits(perNode, perIdentity);
    for (String step : script.split(" ", -1)) {
      String id = step.substring(1, 2);
      if (step.startsWith("-")) {
        limits.release(id);
        continue;
      }
      String expected = step.substring(step.indexOf('=') + 1);
      Optional<String> refusal = limits.admit(id);
      assertEquals(expected, refusal.map(ConnectionLimitsTest::kind).orElse("ok"), step);
    }
    assertEquals(open, limits.open());
  }

  private static String kind(String reason) {
    assertTrue(reason.startsWith("connection limit: "), reason);
    return reason.endsWith("per node") ? "node" : "identity";
  }

  @Test
  void theRefusalNamesTheLimit() {
    ConnectionLimits limits = new ConnectionLimits(10, 2);
    limits.admit("a");
    limits.admit("a");
    assertEquals(Optional.of("connection limit: 2 per identity"), limits.admit("a"));
  }

  @Test
  void concurrentAdmissionsNeverExceedTheLimits() throws Exception {
    ConnectionLimits limits = new ConnectionLimits(50, 10);
    AtomicInteger held = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String id = "id" + (t % 4);
      workers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  if (limits.admit(id).isEmpty()) {
                    most.accumulateAndGet(held.incrementAndGet(), Math::max);
                    held.decrementAndGet();
                    limits.release(id);
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(most.get() <= 40, "held at most " + most.get());
    assertEquals(0, limits.open());
    assertEquals(Optional.empty(), limits.admit("id0"));
  }
}
