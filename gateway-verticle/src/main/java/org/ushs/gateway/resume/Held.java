package org.ushs.gateway.resume;

import java.util.ArrayList;
import java.util.List;
import org.ushs.common.event.SequencedEvent;

/**
 * Live events (and live gap notices) a connection receives while a replay runs, in arrival order,
 * bounded by count and bytes. Past a bound the list is emptied and {@link #dropped()} says so: all
 * of those events are in the log, and the replay reads them from there instead. One thread.
 */
final class Held {

  /** A gap notice, held in its place among the events. */
  record GapNotice(long from, long to, long count, String reason) {}

  private final int maxCount;
  private final long maxBytes;
  private List<Object> items = new ArrayList<>();
  private long bytes;
  private boolean dropped;

  Held(int maxCount, long maxBytes) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  void add(SequencedEvent event) {
    if (items.size() >= maxCount || bytes + event.json().length() > maxBytes) {
      items = new ArrayList<>();
      bytes = 0;
      dropped = true;
    }
    items.add(event);
    bytes += event.json().length();
  }

  void add(GapNotice notice) {
    items.add(notice);
  }

  /** Whether events were dropped since the last {@link #clearDropped()}. */
  boolean dropped() {
    return dropped;
  }

  void clearDropped() {
    dropped = false;
  }

  /** What is held, in order (events and {@link GapNotice}s); empties this. */
  List<Object> take() {
    List<Object> taken = items;
    items = List.of();
    bytes = 0;
    return taken;
  }
}
