package org.ushs.gateway.resume;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvent id to sequence for the newest {@code capacity} events this gateway saw: resolves most
 * Last-Event-IDs without touching the log. When ids repeat, the newest wins. One thread.
 */
public final class IdIndex {

  private final Map<String, Long> sequences;

  public IdIndex(int capacity) {
    this.sequences =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > capacity;
          }
        };
  }

  public void put(String id, long sequence) {
    sequences.remove(id);
    sequences.put(id, sequence);
  }

  /** The sequence of {@code id}, or null when this index does not know it. */
  public Long get(String id) {
    return sequences.get(id);
  }
}
