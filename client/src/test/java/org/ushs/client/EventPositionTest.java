package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventPositionTest {

  @Test
  void readsAndWritesTheTextForm() {
    EventPosition position = EventPosition.parse("0123456789abcdef:42");
    assertEquals(new EventPosition("0123456789abcdef", 42), position);
    assertEquals("0123456789abcdef:42", position.toString());
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource(
      nullValues = "none",
      value = {"none", "''", "abc", ":5", "e1:", "e1:-1", "e1:x", "e 1:3", "0:e1:3"})
  void refusesOtherText(String text) {
    assertThrows(IllegalArgumentException.class, () -> EventPosition.parse(text));
  }
}
