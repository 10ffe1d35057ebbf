package org.ushs.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text forms of {@link LogPosition}, as docs/decisions/positions-gaps-resume.md fixes them. */
class LogPositionTest {

  @ParameterizedTest(name = "{0} -> partition {1}, epoch {2}, sequence {3}")
  @CsvSource({
    "0123456789abcdef:42,    0, 0123456789abcdef, 42",
    "0123456789abcdef:0,     0, 0123456789abcdef, 0",
    "3:0123456789abcdef:7,   3, 0123456789abcdef, 7",
  })
  void readsAndWritesBothForms(String text, int partition, String epoch, long sequence) {
    LogPosition position = new LogPosition(new PartitionId(partition), epoch, sequence);
    assertEquals(Optional.of(position), LogPosition.parse(text));
    assertEquals(text, position.text());
  }

  @ParameterizedTest(name = "\"{0}\" is no position")
  @CsvSource({
    "0123456789abcdef",
    "0123456789ABCDEF:1",
    "0123456789abcde:1",
    "0123456789abcdef:-1",
    "0123456789abcdef:x",
    "-1:0123456789abcdef:1",
    "a:b:c:d",
    "''",
  })
  void refusesWhatIsNotAPosition(String text) {
    assertEquals(Optional.empty(), LogPosition.parse(text));
  }
}
