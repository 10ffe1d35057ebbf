package org.ushs.common.log;

import com.hazelcast.config.Config;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.EventWire;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.SequencedEvent;

/**
 * {@link EventLog} over a Hazelcast Ringbuffer of encoded {@link PendingEvent}s: the ring sequence
 * is the event sequence. One synchronous backup, so losing one member loses nothing.
 */
public final class RingbufferEventLog implements EventLog {

  /** The ring's name in Hazelcast. */
  public static final String RING = "ushs-events";

  /** Hazelcast reads at most this many items at once. */
  public static final int MAX_READ = 1000;

  private final Vertx vertx;
  private final Ringbuffer<byte[]> ring;
  private final int maxRead;

  /** A log over the ring of {@code capacity} events, as {@link #configure} declared it. */
  public RingbufferEventLog(Vertx vertx, HazelcastInstance hazelcast, int capacity) {
    this.vertx = vertx;
    this.ring = hazelcast.getRingbuffer(RING);
    this.maxRead = Math.min(MAX_READ, capacity);
  }

  /** Declares the ring in {@code config}: capacity, time to live, one synchronous backup. */
  public static void configure(Config config, int capacity, Duration ttl) {
    config.addRingBufferConfig(
        new RingbufferConfig(RING)
            .setCapacity(capacity)
            .setTimeToLiveSeconds((int) Math.max(1, ttl.toSeconds()))
            .setBackupCount(1)
            .setAsyncBackupCount(0));
  }

  @Override
  public Future<Long> append(List<PendingEvent> events) {
    List<byte[]> items = new ArrayList<>(events.size());
    for (PendingEvent event : events) {
      items.add(EventWire.toBytes(event));
    }
    return Future.fromCompletionStage(
            ring.addAllAsync(items, OverflowPolicy.OVERWRITE), vertx.getOrCreateContext())
        .map(last -> last - events.size() + 1);
  }

  @Override
  public Future<EventBatch> read(long from, int max) {
    int count = Math.max(1, Math.min(max, maxRead));
    Future<ReadResultSet<byte[]>> reading;
    try {
      reading =
          Future.fromCompletionStage(
              ring.readManyAsync(Math.max(0, from), 0, count, null), vertx.getOrCreateContext());
    } catch (IllegalArgumentException e) {
      reading = Future.failedFuture(e);
    }
    return reading
        .map(result -> toBatch(result, from))
        .recover(failure -> pastTheEnd(failure, from));
  }

  private static EventBatch toBatch(ReadResultSet<byte[]> result, long from) {
    List<SequencedEvent> events = new ArrayList<>(result.size());
    for (int i = 0; i < result.size(); i++) {
      events.add(EventWire.pendingFromBytes(result.get(i)).at(result.getSequence(i)));
    }
    long next = events.isEmpty() ? Math.max(from, result.getNextSequenceToReadFrom()) : 0;
    return events.isEmpty() ? new EventBatch(events, next) : EventBatch.live(events);
  }

  /**
   * Hazelcast refuses a start beyond the newest + 1 (the count is kept within its bounds above, and
   * the start is never negative): for us that is simply nothing yet.
   */
  private static Future<EventBatch> pastTheEnd(Throwable failure, long from) {
    if (failure instanceof IllegalArgumentException) {
      return Future.succeededFuture(new EventBatch(List.of(), from));
    }
    return Future.failedFuture(failure);
  }

  @Override
  public Future<Long> find(String id) {
    return scan(id, 0, -1);
  }

  private Future<Long> scan(String id, long from, long found) {
    return read(from, maxRead)
        .compose(
            batch -> {
              long match = found;
              for (SequencedEvent event : batch.events()) {
                if (id.equals(event.keys().id())) {
                  match = event.sequence();
                }
              }
              return batch.events().size() < maxRead
                  ? Future.succeededFuture(match)
                  : scan(id, batch.next(), match);
            });
  }

  @Override
  public Future<Long> newest() {
    return vertx.executeBlocking(ring::tailSequence, false);
  }
}
