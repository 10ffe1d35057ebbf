package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The log's quorum is a majority of the configured members, from three members on. */
@Tag("unit")
class QuorumTest {

  @ParameterizedTest(name = "{0} configured -> minimum {1}")
  @CsvSource({"0, 0", "1, 0", "2, 0", "3, 2", "4, 3", "5, 3", "6, 4", "7, 4"})
  void majorityOfTheConfiguredMembers(int configured, int minimum) {
    List<String> members = Arrays.stream(new String[configured]).map(x -> "10.0.0.1:5701").toList();
    assertEquals(minimum, Quorum.of(members).map(Quorum::minimumSize).orElse(0));
  }
}
