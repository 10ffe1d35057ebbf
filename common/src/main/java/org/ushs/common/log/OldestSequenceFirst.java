package org.ushs.common.log;

import com.hazelcast.core.EntryView;
import com.hazelcast.map.MapEvictionPolicyComparator;

/**
 * The dedupe map's eviction order: the entry of the oldest event first, by its sequence, which
 * orders publishes exactly at any rate (Hazelcast's own LRU keeps access times in whole seconds, so
 * at tens of thousands of publishes a second it evicted recent entries as often as old ones).
 * Reservations come last: they are publishes in progress.
 */
final class OldestSequenceFirst implements MapEvictionPolicyComparator<String, String> {

  private static final long serialVersionUID = 1L;

  @Override
  public int compare(EntryView<String, String> a, EntryView<String, String> b) {
    return Long.compare(rank(a.getValue()), rank(b.getValue()));
  }

  /** A sequence ranks as itself, anything else (a reservation) after every sequence. */
  static long rank(String value) {
    if (value == null || value.isEmpty() || value.charAt(0) == '@') {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
