package org.ushs.common.log;

import com.hazelcast.query.Predicate;
import java.util.Map;

/**
 * The dedupe entries a sweep removes: those that rank before {@code cutoff} in {@link
 * OldestSequenceFirst}'s order, that is the sequences of events older than {@code cutoff} (no
 * longer in the log) and reservations older than the retention time.
 */
final class RetiredEntries implements Predicate<String, String> {

  private static final long serialVersionUID = 1L;

  private final OldestSequenceFirst order;
  private final long cutoff;
  private final long nowMillis;

  RetiredEntries(OldestSequenceFirst order, long cutoff, long nowMillis) {
    this.order = order;
    this.cutoff = cutoff;
    this.nowMillis = nowMillis;
  }

  @Override
  public boolean apply(Map.Entry<String, String> entry) {
    return order.rank(entry.getValue(), nowMillis) < cutoff;
  }
}
