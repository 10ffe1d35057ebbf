package org.ushs.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sequences rank as themselves; reservations and anything unreadable rank after all of them. */
class OldestSequenceFirstTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "0, 0",
        "41, 41",
        "9223372036854775806, 9223372036854775806",
        "@member/1/1700000000000, 9223372036854775807",
        "'', 9223372036854775807",
        "NULL, 9223372036854775807",
        "x12, 9223372036854775807",
      })
  void rank(String value, long rank) {
    assertEquals(rank, OldestSequenceFirst.rank(value));
  }
}
