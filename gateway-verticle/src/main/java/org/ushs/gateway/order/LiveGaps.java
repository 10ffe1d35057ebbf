package org.ushs.gateway.order;

import java.util.ArrayDeque;
import org.ushs.common.event.SequencedEvent;

/**
 * Live gaps waiting for their place in the stream: a range the {@link Sequencer} skipped is
 * announced just before the first event after it is handed out, so that events before the range
 * (still queued for fan-out) come first. One thread.
 */
public final class LiveGaps implements Sequencer.Skipped {

  /** Announces one range to the connections. */
  public interface Announcer {
    void announce(long from, long to);
  }

  private record Range(long from, long to) {}

  private final ArrayDeque<Range> waiting = new ArrayDeque<>();
  private final Announcer announcer;

  public LiveGaps(Announcer announcer) {
    this.announcer = announcer;
  }

  @Override
  public void skipped(long from, long to) {
    waiting.add(new Range(from, to));
  }

  /** Forgets the ranges waiting: the stream starts over, with no one there who missed them. */
  public void clear() {
    waiting.clear();
  }

  /** Announces the ranges before {@code event}; call before handing it out. */
  public void before(SequencedEvent event) {
    while (!waiting.isEmpty() && waiting.peek().to() < event.sequence()) {
      Range range = waiting.poll();
      announcer.announce(range.from(), range.to());
    }
  }
}
