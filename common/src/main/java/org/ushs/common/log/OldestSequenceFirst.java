package org.ushs.common.log;

import com.hazelcast.core.EntryView;
import com.hazelcast.map.MapEvictionPolicyComparator;

/**
 * The dedupe map's eviction order: the entry of the oldest event first, by its sequence, which
 * orders publishes exactly at any rate (Hazelcast's own LRU keeps access times in whole seconds, so
 * at tens of thousands of publishes a second it evicted recent entries as often as old ones).
 * Reservations come after every sequence while younger than the retention time (publishes in
 * progress, or whose node died: the log decides those); older ones first, as expiry used to take
 * them.
 */
final class OldestSequenceFirst implements MapEvictionPolicyComparator<String, String> {

  private static final long serialVersionUID = 1L;

  private final long retentionMillis;

  OldestSequenceFirst(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  @Override
  public int compare(EntryView<String, String> a, EntryView<String, String> b) {
    long now = System.currentTimeMillis();
    return Long.compare(rank(a.getValue(), now), rank(b.getValue(), now));
  }

  /** A sequence ranks as itself; a reservation ({@code @<member>/<n>/<millis>}) see above. */
  long rank(String value, long nowMillis) {
    if (value == null || value.isEmpty()) {
      return Long.MAX_VALUE;
    }
    if (value.charAt(0) != '@') {
      return parseOr(value, Long.MAX_VALUE);
    }
    long taken = parseOr(value.substring(value.lastIndexOf('/') + 1), nowMillis);
    return nowMillis - taken > retentionMillis ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  private static long parseOr(String value, long fallback) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
