package org.ushs.gateway.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.SequencedEvent;

/**
 * {@link RecentEvents}: answers reads of what it holds as the log would, and nothing (null) for
 * what it does not hold, after capacity, age or a skip in the stream dropped it.
 */
class RecentEventsTest {

  private long now;

  /**
   * Steps: {@code a5-9} adds sequences 5 to 9, {@code t10} lets 10 ns pass. Then a read of at most
   * 3 from {@code from}: the sequences it returns and its next, or {@code none}. Capacity 5, age
   * 100.
   */
  @ParameterizedTest(name = "{0}; read from {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -              | 0  | none
          a0-4           | 0  | 0 1 2 -> 3
          a0-4           | 3  | 3 4 -> 5
          a0-4           | 5  | -> 5
          a0-4           | 6  | none
          a0-6           | 1  | none
          a0-6           | 2  | 2 3 4 -> 5
          a0-2 a7-8      | 1  | none
          a0-2 a7-8      | 7  | 7 8 -> 9
          a0-2 t60 a3-4  | 0  | 0 1 2 -> 3
          a0-2 t60 a3-4 t50 | 0 | none
          a0-2 t60 a3-4 t50 | 3 | 3 4 -> 5
          a0-2 t60 a3-4 t200 | 5 | none
          a0-4 l8        | 2  | none
          a0-4 l8        | 3  | 3 4 -> 5
          a0-4 l3        | 0  | 0 1 2 -> 3
          """)
  void readsWhatItHolds(String steps, long from, String expected) {
    RecentEvents recent = new RecentEvents(5, 6, 100, () -> now);
    for (String step : steps.trim().split(" +", -1)) {
      if (step.startsWith("a")) {
        String[] range = step.substring(1).split("-", -1);
        for (long s = Long.parseLong(range[0]); s <= Long.parseLong(range[1]); s++) {
          recent.add(event(s));
        }
      } else if (step.startsWith("l")) {
        recent.logReached(Long.parseLong(step.substring(1)));
      } else if (step.startsWith("t")) {
        now += Long.parseLong(step.substring(1));
      }
    }
    assertEquals(expected, describe(recent.read(from, 3)));
  }

  private static String describe(EventBatch batch) {
    if (batch == null) {
      return "none";
    }
    String sequences =
        batch.events().stream()
            .map(e -> Long.toString(e.sequence()))
            .collect(Collectors.joining(" "));
    return (sequences.isEmpty() ? "" : sequences + " ") + "-> " + batch.next();
  }

  private static SequencedEvent event(long sequence) {
    EventKeys keys =
        new EventKeys(
            "id-" + sequence, "/src", "org.ushs.error.x", Category.ERROR, "api", "high", null);
    return new SequencedEvent(sequence, keys, Buffer.buffer("{}"));
  }
}
