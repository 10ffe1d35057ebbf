package org.ushs.common.log;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.SequencedEvent;

/**
 * An {@link EventLog} in this JVM's memory, with the ring's contract: at most {@code capacity}
 * events (the oldest overwritten), none older than {@code ttl}, an epoch made when it is created (a
 * new log is empty). For tests of the writer and of resume logic without Hazelcast, and for tools.
 * Thread-safe; futures are already complete.
 */
public final class MemoryEventLog implements EventLog {

  private record Item(long sequence, String epoch, PendingEvent event, long atMillis) {}

  private final PartitionId partition;
  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  private final ArrayDeque<Item> items = new ArrayDeque<>();
  private final String epoch = Epochs.fresh();
  private long tail = -1;

  public MemoryEventLog(PartitionId partition, int capacity, Duration ttl, Clock clock) {
    this.partition = partition;
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A log of partition 0 of {@code capacity} events kept an hour. */
  public MemoryEventLog(int capacity) {
    this(PartitionId.ZERO, capacity, Duration.ofHours(1), Clock.systemUTC());
  }

  @Override
  public PartitionId partition() {
    return partition;
  }

  @Override
  public synchronized Future<Long> append(String epoch, List<PendingEvent> events) {
    long now = clock.millis();
    for (PendingEvent event : events) {
      items.addLast(new Item(++tail, epoch, event, now));
      if (items.size() > capacity) {
        items.removeFirst();
      }
    }
    return Future.succeededFuture(tail - events.size() + 1);
  }

  @Override
  public synchronized Future<EventBatch> read(long from, int max) {
    expire();
    List<SequencedEvent> events = new ArrayList<>();
    for (Item item : items) {
      if (item.sequence() >= from && events.size() < Math.max(1, max)) {
        events.add(item.event().at(item.sequence(), item.epoch()));
      }
    }
    if (events.isEmpty()) {
      return Future.succeededFuture(
          new EventBatch(partition, epoch, List.of(), Math.max(from, tail + 1)));
    }
    return Future.succeededFuture(EventBatch.live(partition, epoch, events));
  }

  private void expire() {
    long oldest = clock.millis() - ttl.toMillis();
    while (!items.isEmpty() && items.peekFirst().atMillis() < oldest) {
      items.removeFirst();
    }
  }

  @Override
  public synchronized Future<Long> newest() {
    return Future.succeededFuture(tail);
  }

  @Override
  public Future<String> epoch() {
    return Future.succeededFuture(epoch);
  }

  @Override
  public Future<Long> find(String source, String id) {
    return LogScan.find(this, source, id);
  }

  @Override
  public Future<IdMatch> findId(String id) {
    return LogScan.findId(this, id);
  }
}
