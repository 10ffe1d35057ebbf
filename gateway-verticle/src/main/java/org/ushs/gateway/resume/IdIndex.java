package org.ushs.gateway.resume;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code (source, id)} to sequence for the newest {@code capacity} events this gateway saw, so that
 * most resumes touch no log. Ids are unique per source only: a bare id is answered only when the
 * index saw it from one source, and is known to be ambiguous when it saw it from several. It covers
 * the events from {@link #firstSequence()} on. One thread.
 */
public final class IdIndex {

  private record Key(String source, String id) {}

  private final Map<Key, Long> sequences;
  private final Map<String, Integer> sourcesById = new HashMap<>();
  private final Map<String, Key> newestById = new HashMap<>();
  private long firstSequence = -1;

  public IdIndex(int capacity) {
    this.sequences =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
            boolean evict = size() > capacity;
            if (evict) {
              forget(eldest.getKey().id());
              firstSequence = eldest.getValue() + 1;
            }
            return evict;
          }
        };
  }

  public void put(String source, String id, long sequence) {
    if (firstSequence < 0) {
      firstSequence = sequence;
    }
    Key key = new Key(source, id);
    if (sequences.remove(key) != null) {
      forget(id);
    }
    sequences.put(key, sequence);
    sourcesById.merge(id, 1, Integer::sum);
    newestById.put(id, key);
  }

  /** Forgets everything, as when the stream restarts past events this gateway never saw. */
  public void clear() {
    sequences.clear();
    sourcesById.clear();
    newestById.clear();
    firstSequence = -1;
  }

  private void forget(String id) {
    if (sourcesById.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1) == null) {
      newestById.remove(id);
    }
  }

  /** The sequence of {@code id} from {@code source}, or null when this index does not know it. */
  public Long get(String source, String id) {
    return sequences.get(new Key(source, id));
  }

  /** Whether this index saw {@code id} from more than one source. */
  public boolean ambiguous(String id) {
    return sourcesById.getOrDefault(id, 0) > 1;
  }

  /** The sequence of {@code id} when this index saw it from exactly one source, else null. */
  public Long getBare(String id) {
    if (sourcesById.getOrDefault(id, 0) != 1) {
      return null;
    }
    return sequences.get(newestById.get(id));
  }

  /** The oldest sequence this index covers, or -1 before the first event. */
  public long firstSequence() {
    return firstSequence;
  }
}
