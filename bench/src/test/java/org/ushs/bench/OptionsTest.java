package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line. */
class OptionsTest {

  @Test
  void scenarioOptionsAndArguments() {
    Options options =
        Options.parse(
            "saturation", "--subscribers", "10_000", "--rate=20000", "file.jfr", "--label", "a b");

    assertEquals("saturation", options.scenario());
    assertEquals(10_000, options.integer("subscribers", 1));
    assertEquals(20_000.0, options.decimal("rate", 1));
    assertEquals("a b", options.string("label", null));
    assertEquals(List.of("file.jfr"), options.arguments());
    assertEquals(3, options.integer("rounds", 3));
    assertEquals(List.of("127.0.0.1"), options.list("local-addresses", "127.0.0.1"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"--subscriber 10", "--rounds", "--rounds x"})
  void refused(String args) {
    String[] words = ("idle " + args).split(" ", -1);

    assertThrows(
        IllegalArgumentException.class,
        () -> {
          Options options = Options.parse(words);
          options.integer("rounds", 1);
        });
  }
}
