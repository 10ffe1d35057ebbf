package org.ushs.gateway.order;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.SequencedEvent;

/**
 * Restores the log's order from the live stream: events leave in contiguous sequence order, each
 * once. An event ahead of the next expected one waits (up to {@link #MAX_AHEAD}, beyond which it is
 * dropped and read from the log later) while the gap is filled from the log. Pure; one thread.
 */
public final class Sequencer {

  /** Events held while a gap is open; more are dropped and read back from the log. */
  public static final int MAX_AHEAD = 10_000;

  /** Told of sequences skipped because the log no longer holds them. */
  public interface Skipped {
    /** Sequences {@code from}..{@code to} (inclusive) will never be delivered. */
    void skipped(long from, long to);
  }

  private final Consumer<SequencedEvent> out;
  private final Skipped skipped;
  private final TreeMap<Long, SequencedEvent> ahead = new TreeMap<>();
  private long next = -1;
  private long knownNewest = -1;

  public Sequencer(Consumer<SequencedEvent> out) {
    this(out, (from, to) -> {});
  }

  /**
   * Delivers to {@code out}; tells {@code skipped} of every range it skips, before what follows.
   */
  public Sequencer(Consumer<SequencedEvent> out, Skipped skipped) {
    this.out = out;
    this.skipped = skipped;
  }

  /** Sets the first sequence to expect, unless events already set it. */
  public void startAt(long sequence) {
    if (next < 0) {
      next = sequence;
    }
  }

  /**
   * Starts over at {@code sequence}, as after a spell without the live stream: nothing before it is
   * expected or held any more, and the skipped range is no gap (no one was there to miss it).
   */
  public void restartAt(long sequence) {
    next = sequence;
    knownNewest = sequence - 1;
    ahead.headMap(sequence).clear();
    drain();
  }

  /** The next sequence to deliver, or -1 before the start is known. */
  public long next() {
    return next;
  }

  /** Takes live events, in any order, with duplicates. */
  public void accept(List<SequencedEvent> events) {
    for (SequencedEvent event : events) {
      if (next < 0) {
        next = event.sequence();
      }
      if (event.sequence() == next) {
        emit(event);
        drain();
      } else if (event.sequence() > next && ahead.size() < MAX_AHEAD) {
        ahead.put(event.sequence(), event);
      }
    }
  }

  /** Learns that the log holds events up to {@code newest}, so any not yet seen form a gap. */
  public void expectUpTo(long newest) {
    knownNewest = Math.max(knownNewest, newest);
  }

  /** Whether events are missing before those held, or before the newest known. */
  public boolean hasGap() {
    return next >= 0 && (!ahead.isEmpty() || knownNewest >= next);
  }

  /** The sequence after the gap's last missing one (exclusive end). */
  public long gapEnd() {
    return ahead.isEmpty() ? knownNewest + 1 : ahead.firstKey();
  }

  /**
   * Takes events read from the log at {@link #next()}. What the log no longer holds (the read
   * starts later, or finds nothing before the gap's end) is skipped: it left retention, and the
   * {@link Skipped} listener is told.
   */
  public void fill(EventBatch batch) {
    if (hasGap()) {
      long readable = batch.events().isEmpty() ? gapEnd() : batch.first();
      skipTo(Math.min(readable, gapEnd()));
    }
    accept(batch.events());
  }

  private void skipTo(long sequence) {
    if (sequence > next) {
      skipped.skipped(next, sequence - 1);
      next = sequence;
      ahead.headMap(next).clear();
      drain();
    }
  }

  private void emit(SequencedEvent event) {
    out.accept(event);
    next = event.sequence() + 1;
  }

  private void drain() {
    while (!ahead.isEmpty() && ahead.firstKey() <= next) {
      SequencedEvent event = ahead.pollFirstEntry().getValue();
      if (event.sequence() == next) {
        emit(event);
      }
    }
  }
}
