package org.ushs.gateway.resume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.event.SequencedEvent;

/**
 * The newest events of the live stream, contiguous and in order, kept in memory so that a resume
 * from a recent event reads no log at all. Holds at most {@code capacity} events, none the log has
 * overwritten and none older than {@code maxAgeNanos} (a little under the log's time to live), so
 * it does not replay what the log would have dropped. A skip in the stream (events that left the
 * log before this gateway saw them) starts it afresh. One thread.
 */
public final class RecentEvents {

  private final SequencedEvent[] events;
  private final long[] arrived;
  private final long logCapacity;
  private final long maxAgeNanos;
  private final LongSupplier clock;
  private long first;
  private long end; // one past the newest held; first == end when empty
  private long logNewest = -1;

  /**
   * Keeps up to {@code capacity} events, and only while the log of {@code logCapacity} events would
   * still hold them: the log may run ahead of this gateway (events not yet handed out here).
   */
  public RecentEvents(int capacity, long logCapacity, long maxAgeNanos, LongSupplier clock) {
    this.events = new SequencedEvent[Math.max(1, capacity)];
    this.arrived = new long[events.length];
    this.logCapacity = logCapacity;
    this.maxAgeNanos = maxAgeNanos;
    this.clock = clock;
  }

  /**
   * The recent events of a log retained as {@code retention} says, at most {@code most}. The log
   * keeps an event its time to live in whole seconds from its append, which comes before the event
   * reaches a gateway: memory keeps it a second less.
   */
  public static RecentEvents of(ReplaySettings retention, int most) {
    long maxAge = Duration.ofSeconds(Math.max(0, retention.ttl().toSeconds() - 1)).toNanos();
    return new RecentEvents(
        Math.min(retention.capacity(), most), retention.capacity(), maxAge, System::nanoTime);
  }

  /** The log holds events up to {@code sequence} (they may not have reached this gateway yet). */
  public void logReached(long sequence) {
    logNewest = Math.max(logNewest, sequence);
  }

  /** Forgets every event: the stream starts over past events this gateway never saw. */
  public void clear() {
    while (first < end) {
      dropOldest();
    }
  }

  /** The next event of the live stream. */
  public void add(SequencedEvent event) {
    if (event.sequence() != end) {
      first = event.sequence();
      end = first;
    }
    int slot = slot(end);
    events[slot] = event;
    arrived[slot] = clock.getAsLong();
    end++;
    if (end - first > events.length) {
      first = end - events.length;
    }
  }

  /**
   * Up to {@code max} events from {@code from} on, as the log would answer; null when this does not
   * hold {@code from} (older, or nothing yet), and the log must be read. From just past the newest,
   * the batch is empty: newer events have not reached this gateway, and will arrive live.
   */
  public EventBatch read(long from, int max) {
    dropExpired();
    if (first == end || from < first || from > end) {
      return null;
    }
    int count = (int) Math.min(max, end - from);
    List<SequencedEvent> batch = new ArrayList<>(count);
    for (long sequence = from; sequence < from + count; sequence++) {
      batch.add(events[slot(sequence)]);
    }
    return new EventBatch(batch, from + count);
  }

  private void dropExpired() {
    long now = clock.getAsLong();
    long oldestInLog = Math.max(end, logNewest + 1) - logCapacity;
    while (first < end && (first < oldestInLog || now - arrived[slot(first)] > maxAgeNanos)) {
      dropOldest();
    }
  }

  private void dropOldest() {
    events[slot(first)] = null;
    first++;
  }

  private int slot(long sequence) {
    return (int) (sequence % events.length);
  }
}
