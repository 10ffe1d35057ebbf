package org.ushs.common.log.writer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What a partition's ring holds, as its writer tracks it: publish key to the first sequence it was
 * logged at, and the bytes retained, oldest first. Entries leave as the ring drops their events: by
 * capacity (the ring overwrites its oldest) and by age. Not thread-safe: the writer's context only.
 */
final class LogIndex {

  private record Entry(long sequence, String key, int bytes, long atMillis) {}

  private final int capacity;
  private final long ttlMillis;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private long retainedBytes;
  private long tail = -1;

  LogIndex(int capacity, Duration ttl) {
    this.capacity = capacity;
    this.ttlMillis = ttl.toMillis();
  }

  /** Forgets everything; the ring's newest sequence is {@code tail}. */
  void reset(long tail) {
    entries.clear();
    sequences.clear();
    retainedBytes = 0;
    this.tail = tail;
  }

  /** The first sequence of {@code key} while the ring holds it, or null. */
  Long sequenceOf(String key) {
    return sequences.get(key);
  }

  /** The newest sequence the index knows, -1 for a log that never held an event. */
  long tail() {
    return tail;
  }

  long retainedBytes() {
    return retainedBytes;
  }

  int size() {
    return entries.size();
  }

  /** The ring's newest sequence is at least {@code newest} (events the scan found expired). */
  void advanceTail(long newest) {
    tail = Math.max(tail, newest);
  }

  /**
   * Records the event of {@code key} at {@code sequence}, then drops what the ring dropped. A
   * sequence the index already passed is ignored (an append that a rebuild already read).
   */
  void add(String key, long sequence, int bytes, long nowMillis) {
    if (sequence <= tail) {
      return;
    }
    entries.addLast(new Entry(sequence, key, bytes, nowMillis));
    sequences.putIfAbsent(key, sequence);
    retainedBytes += bytes;
    tail = Math.max(tail, sequence);
    while (entries.size() > capacity) {
      drop();
    }
    expire(nowMillis);
  }

  /** Drops entries older than the time to live. */
  void expire(long nowMillis) {
    while (!entries.isEmpty() && nowMillis - entries.peekFirst().atMillis() > ttlMillis) {
      drop();
    }
  }

  private void drop() {
    Entry oldest = entries.removeFirst();
    sequences.remove(oldest.key(), oldest.sequence());
    retainedBytes -= oldest.bytes();
  }

  /**
   * The bytes the ring would retain after {@code count} more events of {@code bytes} in all: what
   * they add, less what they overwrite (the oldest, once the ring is at capacity).
   */
  long retainedAfter(int count, long bytes) {
    long overwritten = 0;
    int over = entries.size() + count - capacity;
    Iterator<Entry> oldest = entries.iterator();
    for (int i = 0; i < over && oldest.hasNext(); i++) {
      overwritten += oldest.next().bytes();
    }
    return retainedBytes + bytes - overwritten;
  }
}
