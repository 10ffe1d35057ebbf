package org.ushs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link InFlight}: a shutdown waits until every publish in progress has completed, either way. */
class InFlightTest {

  /**
   * Steps: {@code +} starts a publish, {@code ok}/{@code fail} completes the oldest, {@code w}
   * starts waiting for idle. Then whether every wait has completed, and the count.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "w, true, 0",
    "+ w, false, 1",
    "+ w ok, true, 0",
    "+ + w ok, false, 1",
    "+ + w ok fail, true, 0",
    "+ w fail, true, 0",
    "+ w ok + w, false, 1",
    "+ w ok + w ok, true, 0",
  })
  void idleCompletesWhenNothingIsInProgress(String script, boolean idle, int count) {
    InFlight inFlight = new InFlight();
    List<Promise<String>> publishes = new ArrayList<>();
    List<Future<Void>> waits = new ArrayList<>();
    for (String step : script.split(" ", -1)) {
      switch (step) {
        case "+" -> {
          Promise<String> publish = Promise.promise();
          publishes.add(publish);
          Future<String> tracked = inFlight.track(publish.future());
          assertFalse(tracked.isComplete());
        }
        case "ok" -> publishes.remove(0).complete("ack");
        case "fail" -> publishes.remove(0).fail("log unavailable");
        default -> waits.add(inFlight.idle());
      }
    }
    assertEquals(idle, waits.stream().allMatch(Future::isComplete), script);
    assertTrue(waits.stream().noneMatch(Future::failed));
    assertEquals(count, inFlight.count());
  }
}
