package org.ushs.gateway.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.SequencedEvent;

/** {@link Sequencer}: contiguous, once, in order; gaps found and filled from the log. */
class SequencerTest {

  private static final EventKeys KEYS =
      new EventKeys("id", "/src", "org.ushs.error.x", Category.ERROR, null, null, null);

  private final List<Long> out = new ArrayList<>();
  private final Sequencer sequencer = new Sequencer(e -> out.add(e.sequence()));

  private static SequencedEvent event(long sequence) {
    return new SequencedEvent(sequence, KEYS, Buffer.buffer("{}"));
  }

  private static List<SequencedEvent> events(long... sequences) {
    return Arrays.stream(sequences).mapToObj(SequencerTest::event).toList();
  }

  private static List<SequencedEvent> range(long from, long toExclusive) {
    return LongStream.range(from, toExclusive).mapToObj(SequencerTest::event).toList();
  }

  private static long[] seq(String cell) {
    return cell.isBlank()
        ? new long[0]
        : Arrays.stream(cell.trim().split(" +")).mapToLong(Long::parseLong).toArray();
  }

  private static List<Long> list(String cell) {
    return Arrays.stream(seq(cell)).boxed().toList();
  }

  /** Columns: live batches (separated by /), then what leaves, next, hasGap, gapEnd if any. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          5 6 7         | 5 6 7       | 8  | false | -
          5 / 6 / 7     | 5 6 7       | 8  | false | -
          5 7 6         | 5 6 7       | 8  | false | -
          5 8 7 6       | 5 6 7 8     | 9  | false | -
          5 5 6 5 6     | 5 6         | 7  | false | -
          5 / 7 7 / 6 7 | 5 6 7       | 8  | false | -
          5 4 3         | 5           | 6  | false | -
          5 7           | 5           | 6  | true  | 7
          5 9 8         | 5           | 6  | true  | 8
          5 7 / 10      | 5           | 6  | true  | 7
          5 7 6 10      | 5 6 7       | 8  | true  | 10
          """)
  void liveEventsLeaveInOrderOnce(
      String batches, String expected, long next, boolean gap, String gapEnd) {
    for (String batch : batches.split("/", -1)) {
      sequencer.accept(events(seq(batch)));
    }
    assertEquals(list(expected), out);
    assertEquals(next, sequencer.next());
    assertEquals(gap, sequencer.hasGap());
    if (gap) {
      assertEquals(Long.parseLong(gapEnd), sequencer.gapEnd());
    }
  }

  /**
   * Columns: live events, the log batch (its events, or its next when empty: {@code @n}), then what
   * has left in all, next, and whether a gap is left.
   */
  @ParameterizedTest(name = "live {0}, log {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1 4 5        | 2 3          | 1 2 3 4 5  | 6  | false
          1 4 5        | 2            | 1 2        | 3  | true
          1 5          | 2 3          | 1 2 3      | 4  | true
          1 5          | 2 3 4 5 6    | 1 2 3 4 5 6 | 7 | false
          1 4 5        | 3            | 1 3 4 5    | 6  | false
          1 6          | 3 4          | 1 3 4      | 5  | true
          1 4 5        | 6 7          | 1 4 5 6 7  | 8  | false
          1 4 5        | @2           | 1 4 5      | 6  | false
          1 4 5        | 0 1 2 3      | 1 2 3 4 5  | 6  | false
          1 2          | 3 4          | 1 2 3 4    | 5  | false
          """)
  void fillFromTheLog(String live, String log, String expected, long next, boolean gap) {
    sequencer.accept(events(seq(live)));
    EventBatch batch =
        log.startsWith("@")
            ? new EventBatch(List.of(), Long.parseLong(log.substring(1)))
            : new EventBatch(events(seq(log)), 100);
    sequencer.fill(batch);
    assertEquals(list(expected), out);
    assertEquals(next, sequencer.next());
    assertEquals(gap, sequencer.hasGap());
  }

  @Test
  void expectUpToMakesATailGapThatAFillCloses() {
    sequencer.accept(events(1, 2));
    sequencer.expectUpTo(2);
    assertFalse(sequencer.hasGap());
    sequencer.expectUpTo(3);
    assertTrue(sequencer.hasGap(), "3 is in the log, not here");
    assertEquals(4, sequencer.gapEnd());
    sequencer.expectUpTo(5);
    sequencer.expectUpTo(4);
    assertTrue(sequencer.hasGap());
    assertEquals(6, sequencer.gapEnd());
    sequencer.fill(new EventBatch(events(3, 4, 5), 6));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), out);
    assertFalse(sequencer.hasGap());
  }

  @Test
  void tailGapThatLeftRetentionIsSkipped() {
    sequencer.accept(events(1));
    sequencer.expectUpTo(4);
    sequencer.fill(new EventBatch(List.of(), 2));
    assertEquals(5, sequencer.next());
    assertFalse(sequencer.hasGap());
    sequencer.accept(events(4, 5));
    assertEquals(List.of(1L, 5L), out);
  }

  @Test
  void startAtAppliesOnlyBeforeTheFirstEvent() {
    assertEquals(-1, sequencer.next());
    sequencer.expectUpTo(9);
    assertFalse(sequencer.hasGap(), "no gap before the start is known");
    sequencer.startAt(10);
    sequencer.startAt(3);
    assertEquals(10, sequencer.next());
    sequencer.accept(events(9, 11));
    assertEquals(List.of(), out);
    sequencer.accept(events(10));
    assertEquals(List.of(10L, 11L), out);
    sequencer.startAt(50);
    assertEquals(12, sequencer.next());
  }

  @Test
  void firstEventSetsTheStartWhenNoneWasGiven() {
    sequencer.accept(events(42, 41, 43));
    sequencer.startAt(1);
    assertEquals(List.of(42L, 43L), out);
    assertEquals(44, sequencer.next());
  }

  @Test
  void overflowBeyondMaxAheadIsDroppedAndRecoveredByFill() {
    int max = Sequencer.MAX_AHEAD;
    sequencer.accept(events(0));
    sequencer.accept(range(2, max + 7));
    assertEquals(List.of(0L), out);
    assertEquals(2, sequencer.gapEnd());

    sequencer.fill(new EventBatch(events(1), 2));
    assertEquals(max + 2L, sequencer.next(), "the held events left, the dropped ones did not");
    assertEquals(max + 2, out.size());
    assertFalse(sequencer.hasGap());

    sequencer.expectUpTo(max + 6L);
    assertEquals(max + 7L, sequencer.gapEnd());
    sequencer.fill(new EventBatch(range(max + 2L, max + 7L), max + 7L));
    assertEquals(LongStream.range(0, max + 7L).boxed().toList(), out);
    assertFalse(sequencer.hasGap());
  }

  @Test
  void aRestartForgetsWhatItHeldBeforeTheNewStartAndKeepsWhatComesAfter() {
    sequencer.accept(events(5, 9, 21, 22));
    sequencer.expectUpTo(30);
    assertTrue(sequencer.hasGap());

    sequencer.restartAt(20);
    assertEquals(List.of(5L), out, "nothing before 20 leaves, 9 is forgotten");
    sequencer.accept(events(20));

    assertEquals(List.of(5L, 20L, 21L, 22L), out);
    assertEquals(23, sequencer.next());
    assertFalse(sequencer.hasGap(), "the tail known before the restart is forgotten");
  }

  @Test
  void aRestartMayGoBackForALogThatStartedOver() {
    sequencer.accept(events(5, 6));
    sequencer.restartAt(0);
    sequencer.accept(events(0, 1));

    assertEquals(List.of(5L, 6L, 0L, 1L), out);
    assertEquals(2, sequencer.next());
  }
}
