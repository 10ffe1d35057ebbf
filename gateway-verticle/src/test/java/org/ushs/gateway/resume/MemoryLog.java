package org.ushs.gateway.resume;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.IdMatch;
import org.ushs.common.log.LogReader;

/**
 * A log in memory that answers reads as the ring does (a read from a sequence that left retention
 * starts at the oldest retained event), and can lose its oldest events between two reads, as a ring
 * overwritten by publishing does.
 */
public final class MemoryLog implements LogReader {

  private final TreeMap<Long, SequencedEvent> events = new TreeMap<>();
  private int reads;
  private volatile boolean holding;
  private final List<Runnable> heldReads = new java.util.concurrent.CopyOnWriteArrayList<>();
  private int loseAfterRead = -1;
  private long loseBelow;

  public static SequencedEvent event(long sequence) {
    EventKeys keys =
        new EventKeys(
            "id-" + sequence, "/src", "org.ushs.error.x", Category.ERROR, null, null, null);
    return new SequencedEvent(sequence, keys, Buffer.buffer("{\"sequence\":" + sequence + "}"));
  }

  /** Appends an event with {@code source} and {@code id} at {@code sequence}. */
  public void put(long sequence, String source, String id) {
    EventKeys keys =
        new EventKeys(id, source, "org.ushs.error.x", Category.ERROR, null, null, null);
    events.put(sequence, new SequencedEvent(sequence, keys, Buffer.buffer("{}")));
  }

  public void append(long from, long toExclusive) {
    for (long s = from; s < toExclusive; s++) {
      events.put(s, event(s));
    }
  }

  /** After read number {@code read} (1-based), every event below {@code below} is gone. */
  void loseAfterRead(int read, long below) {
    loseAfterRead = read;
    loseBelow = below;
  }

  /** Reads answer only at {@link #releaseReads()}: a replay stays running until then. */
  public void holdReads() {
    holding = true;
  }

  /** Answers the held reads (each on the context that asked) and stops holding. */
  public void releaseReads() {
    holding = false;
    heldReads.forEach(Runnable::run);
    heldReads.clear();
  }

  @Override
  public Future<EventBatch> read(long from, int max) {
    if (holding) {
      io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
      io.vertx.core.Promise<EventBatch> answer = io.vertx.core.Promise.promise();
      heldReads.add(() -> context.runOnContext(v -> readNow(from, max).onComplete(answer)));
      return answer.future();
    }
    return readNow(from, max);
  }

  private Future<EventBatch> readNow(long from, int max) {
    reads++;
    List<SequencedEvent> batch = new ArrayList<>();
    long start = events.isEmpty() ? from : Math.max(from, events.firstKey());
    for (SequencedEvent event : events.tailMap(start).values()) {
      if (batch.size() == max) {
        break;
      }
      batch.add(event);
    }
    long next = batch.isEmpty() ? start : batch.get(batch.size() - 1).sequence() + 1;
    if (reads == loseAfterRead) {
      events.headMap(loseBelow).clear();
    }
    return Future.succeededFuture(new EventBatch(batch, next));
  }

  @Override
  public Future<Long> newest() {
    return Future.succeededFuture(events.isEmpty() ? -1L : events.lastKey());
  }

  /** The epoch this log gives. */
  public static final String EPOCH = "0123456789abcdef";

  @Override
  public Future<String> epoch() {
    return Future.succeededFuture(EPOCH);
  }

  @Override
  public Future<Long> find(String source, String id) {
    long found = -1;
    for (SequencedEvent event : events.values()) {
      if (id.equals(event.keys().id()) && source.equals(event.keys().source())) {
        found = event.sequence();
      }
    }
    return Future.succeededFuture(found);
  }

  @Override
  public Future<IdMatch> findId(String id) {
    java.util.Set<String> sources = new java.util.HashSet<>();
    long found = -1;
    for (SequencedEvent event : events.values()) {
      if (id.equals(event.keys().id())) {
        sources.add(event.keys().source());
        found = event.sequence();
      }
    }
    return Future.succeededFuture(new IdMatch(found, sources.size() > 1));
  }
}
