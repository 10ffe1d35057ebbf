package org.ushs.gateway.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.SequencedEvent;

/**
 * A live gap that left retention is announced, in its place: after the events before it and before
 * the first event after it (it was skipped without a word before).
 */
class LiveGapsTest {

  private static final EventKeys KEYS =
      new EventKeys("id", "/src", "org.ushs.error.x", Category.ERROR, null, null, null);

  private final List<String> stream = new ArrayList<>();
  private final List<SequencedEvent> queued = new ArrayList<>();
  private final LiveGaps gaps = new LiveGaps((from, to) -> stream.add("gap " + from + "-" + to));
  private final Sequencer sequencer = new Sequencer(queued::add, gaps);

  private static List<SequencedEvent> events(long... sequences) {
    return Arrays.stream(sequences)
        .mapToObj(s -> new SequencedEvent(s, KEYS, Buffer.buffer("{}")))
        .toList();
  }

  /** Hands out what the sequencer emitted, as the fan-out does (possibly a turn later). */
  private void handOut() {
    for (SequencedEvent event : queued) {
      gaps.before(event);
      stream.add(Long.toString(event.sequence()));
    }
    queued.clear();
  }

  @Test
  void aGapInTheMiddleIsAnnouncedBeforeTheNextEvent() {
    sequencer.accept(events(1, 5, 6));
    sequencer.fill(new EventBatch(events(4), 5));
    handOut();
    assertEquals(List.of("1", "gap 2-3", "4", "5", "6"), stream);
  }

  @Test
  void aTailGapIsAnnouncedWhenTheNextEventComes() {
    sequencer.accept(events(1));
    sequencer.expectUpTo(4);
    sequencer.fill(new EventBatch(List.of(), 2));
    handOut();
    assertEquals(List.of("1"), stream, "nothing yet: no event follows");
    sequencer.accept(events(5));
    handOut();
    assertEquals(List.of("1", "gap 2-4", "5"), stream);
  }

  @Test
  void eventsStillQueuedBeforeTheGapGoFirst() {
    sequencer.accept(events(1, 2, 9));
    sequencer.fill(new EventBatch(events(7, 8), 9));
    handOut();
    assertEquals(List.of("1", "2", "gap 3-6", "7", "8", "9"), stream);
  }
}
