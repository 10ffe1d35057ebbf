package org.ushs.gateway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Liveness}: three unanswered pings in a row time a connection out; any frame answers. */
class LivenessTest {

  /** {@code P}: a tick that pings; {@code X}: a tick that times out; {@code h}: a client frame. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "P P P X",
    "P P P X X",
    "P h P P P X",
    "P P h P P P X",
    "P P P h P P P X",
    "h h P P P X",
    "P h P h P h P h P",
  })
  void threeUnansweredPingsInARowTimeOut(String script) {
    Liveness liveness = new Liveness();
    for (String step : script.split(" ", -1)) {
      switch (step) {
        case "h" -> liveness.heard();
        case "P" -> assertEquals(Liveness.Beat.PING, liveness.tick(), script);
        default -> assertEquals(Liveness.Beat.TIMEOUT, liveness.tick(), script);
      }
    }
  }
}
