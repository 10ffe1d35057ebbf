package org.ushs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.client.ConnectionState;
import org.ushs.client.Gap;
import org.ushs.client.ReplayResult;
import org.ushs.client.StateChange;

/** The lines {@code ushs tail} writes on stderr, without a server. */
class TailCommandTest {

  @ParameterizedTest(name = "{0}..{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "120 | 180 | 61 | retention | ushs: warning: missed events 120..180 (61, retention)",
        "7 | 7 | 1 | shed | ushs: warning: missed event 7 (1, shed)"
      })
  void warnsOfAGap(long from, long to, long count, String reason, String line) {
    assertEquals(line, TailCommand.warning(new Gap("e1", from, to, count, reason)));
  }

  @ParameterizedTest(name = "{1} {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "ws://a/ws | 4005 | server error | ushs: ws://a/ws: close 4005 server error; reconnecting"
            + " to ws://b/ws in 1500 ms",
        "ws://a/ws | 1001 | none | ushs: ws://a/ws: close 1001; reconnecting to ws://b/ws in 1500 ms",
        "ws://a/ws | none | Connection refused | ushs: ws://a/ws: Connection refused; reconnecting"
            + " to ws://b/ws in 1500 ms",
        "ws://a/ws | none | '' | ushs: ws://a/ws: connection lost; reconnecting to ws://b/ws in"
            + " 1500 ms"
      })
  void pairsEachEndpointWithItsOwnError(String endpoint, Integer code, String reason, String line) {
    StateChange lost =
        new StateChange(
            ConnectionState.DISCONNECTED,
            URI.create(endpoint),
            code,
            reason,
            Duration.ofMillis(1500),
            URI.create("ws://b/ws"));
    assertEquals(line, TailCommand.disconnected(lost));
  }

  @Test
  void saysWhenTheLogStartedOver() {
    assertEquals(
        "ushs: warning: the log started over (epoch e2); could not resume after e-7: events may"
            + " have been missed",
        TailCommand.notResumed(new ReplayResult(false, 0, "e-7", "e2", true)));
    assertEquals(
        "ushs: warning: could not resume after e-7: events may have been missed",
        TailCommand.notResumed(new ReplayResult(false, 0, "e-7", "e1", false)));
  }
}
