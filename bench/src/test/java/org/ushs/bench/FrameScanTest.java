package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the three numbers from frames that are, or are not, events. */
class FrameScanTest {

  static final long ABSENT = FrameScan.ABSENT;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"sequence\":\"42\",\"id\":\"run-7\",\"data\":{\"sentAtNanos\":-5}}|true|42|7|-5",
        "{\"sequence\":\"0\",\"id\":\"a-b-c-123\",\"data\":{\"errorId\":\"x-9\",\"sentAtNanos\":1}}"
            + "|true|0|123|1",
        "{\"sequence\":\"5\",\"id\":\"no-number-\",\"data\":{}}|true|5|"
            + Long.MIN_VALUE
            + "|"
            + Long.MIN_VALUE,
        "{\"sequence\":\"5\",\"id\":\"nodash\"}|true|5|" + Long.MIN_VALUE + "|" + Long.MIN_VALUE,
        "{\"type\":\"replay\",\"recovered\":true,\"count\":3}|false|"
            + Long.MIN_VALUE
            + "|"
            + Long.MIN_VALUE
            + "|"
            + Long.MIN_VALUE,
        "{\"seq|false|" + Long.MIN_VALUE + "|" + Long.MIN_VALUE + "|" + Long.MIN_VALUE,
      })
  void readsSequenceIdNumberAndSentAt(
      String frame, boolean event, long sequence, long idNumber, long sentAt) {
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);

    assertEquals(event, FrameScan.isEvent(bytes));
    assertEquals(sequence, FrameScan.sequence(bytes));
    assertEquals(idNumber, FrameScan.idNumber(bytes));
    assertEquals(sentAt, FrameScan.sentAtNanos(bytes));
  }
}
