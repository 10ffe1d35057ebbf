package org.ushs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.client.Gap;

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
}
