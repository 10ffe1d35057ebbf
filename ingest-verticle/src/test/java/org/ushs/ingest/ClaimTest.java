package org.ushs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the dedupe map's previous value means for this attempt. */
class ClaimTest {

  private static final long NOW = 1_000_000;
  private static final String MARK = "@me/7/" + NOW;
  private static final Set<String> ALIVE = Set.of("me", "other");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, APPEND",
        "'@me/7/1000000', APPEND",
        "42, LOGGED",
        "0, LOGGED",
        "'@other/3/999000', IN_PROGRESS",
        "'@other/3/970001', IN_PROGRESS",
        "'@other/3/970000', ORPHAN",
        "'@other/3/1005000', IN_PROGRESS",
        "'@gone/3/999000', ORPHAN",
        "'@me/6/999000', ORPHAN",
        "'@other/3/x', ORPHAN",
        "'@other', ORPHAN",
        "'@', ORPHAN",
      })
  void previousValueDecides(String previous, Claim expected) {
    assertEquals(expected, Claim.of(previous, MARK, "me", ALIVE::contains, NOW));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"member-a, 1, 5, '@member-a/1/5'", "b, 99, 0, '@b/99/0'"})
  void marksNameTheMemberTheAttemptAndTheTime(
      String member, long attempt, long now, String expected) {
    assertEquals(expected, Claim.mark(member, attempt, now));
  }
}
