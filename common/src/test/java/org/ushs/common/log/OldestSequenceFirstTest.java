package org.ushs.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sequences rank as themselves; reservations within the retention time (60 s here, now is 100000)
 * and anything unreadable after all of them; reservations older than that before all of them.
 */
class OldestSequenceFirstTest {

  private static final long NOW = 100_000;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "0, 0",
        "41, 41",
        "9223372036854775806, 9223372036854775806",
        "@member/1/100000, 9223372036854775807",
        "@member/1/40000, 9223372036854775807",
        "@member/1/39999, -9223372036854775808",
        "@member/7/0, -9223372036854775808",
        "@member/1/notatime, 9223372036854775807",
        "'', 9223372036854775807",
        "NULL, 9223372036854775807",
        "x12, 9223372036854775807",
      })
  void rank(String value, long rank) {
    assertEquals(rank, new OldestSequenceFirst(60_000).rank(value, NOW));
  }
}
