package org.ushs.common.log.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
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
import org.ushs.common.log.Epochs;
import org.ushs.common.log.EventLog;
import org.ushs.common.log.IdMatch;
import org.ushs.common.log.LogScan;
import org.ushs.common.log.PartitionId;

/**
 * {@link EventLog} of one partition over a Hazelcast Ringbuffer named after it ({@link
 * PartitionId#logName}) of encoded events, each stamped with its epoch: the ring sequence is the
 * event sequence. One synchronous backup, so losing one member loses nothing. The epoch lives in
 * the map {@link #EPOCHS} under the same name, which Hazelcast puts in the ring's partition (same
 * key): the two are kept, moved and lost together, so a log whose every copy was lost starts with a
 * new epoch.
 */
public final class RingbufferEventLog implements EventLog {

  /** The map of each partition's epoch, keyed by the partition's log name. */
  public static final String EPOCHS = "ushs-log-epochs";

  /** The configuration name that covers every partition's ring. */
  public static final String RING_CONFIG = "ushs-log-*";

  /** Hazelcast reads at most this many items at once. */
  public static final int MAX_READ = 1000;

  private final Vertx vertx;
  private final PartitionId partition;
  private final Ringbuffer<byte[]> ring;
  private final IMap<String, String> epochs;
  private final int maxRead;

  /** The log of {@code partition}, of {@code capacity} events, as {@link #configure} declared. */
  public RingbufferEventLog(
      Vertx vertx, HazelcastInstance hazelcast, PartitionId partition, int capacity) {
    this.vertx = vertx;
    this.partition = partition;
    this.ring = hazelcast.getRingbuffer(partition.logName());
    this.epochs = hazelcast.getMap(EPOCHS);
    this.maxRead = Math.min(MAX_READ, capacity);
  }

  /**
   * Declares every partition's ring (capacity, time to live, one synchronous backup) and the epoch
   * map (one synchronous backup) in {@code config}.
   */
  public static void configure(Config config, int capacity, Duration ttl) {
    config.addRingBufferConfig(
        new RingbufferConfig(RING_CONFIG)
            .setCapacity(capacity)
            .setTimeToLiveSeconds((int) Math.max(1, ttl.toSeconds()))
            .setBackupCount(1)
            .setAsyncBackupCount(0));
    config.addMapConfig(new MapConfig(EPOCHS).setBackupCount(1).setAsyncBackupCount(0));
  }

  @Override
  public PartitionId partition() {
    return partition;
  }

  @Override
  public Future<Long> append(String epoch, List<PendingEvent> events) {
    List<byte[]> items = new ArrayList<>(events.size());
    for (PendingEvent event : events) {
      items.add(EventWire.toBytes(epoch, event));
    }
    return OnContext.of(
            ring.addAllAsync(items, OverflowPolicy.OVERWRITE), vertx.getOrCreateContext())
        .map(last -> last - events.size() + 1);
  }

  @Override
  public Future<EventBatch> read(long from, int max) {
    int count = Math.max(1, Math.min(max, maxRead));
    Future<ReadResultSet<byte[]>> reading;
    try {
      reading =
          OnContext.of(
              ring.readManyAsync(Math.max(0, from), 0, count, null), vertx.getOrCreateContext());
    } catch (IllegalArgumentException e) {
      reading = Future.failedFuture(e);
    }
    return reading
        .map(result -> toBatch(result, from))
        .recover(failure -> pastTheEnd(failure, from));
  }

  private EventBatch toBatch(ReadResultSet<byte[]> result, long from) {
    List<SequencedEvent> events = new ArrayList<>(result.size());
    String epoch = "";
    for (int i = 0; i < result.size(); i++) {
      EventWire.Stored stored = EventWire.fromBytes(result.get(i));
      epoch = stored.epoch();
      events.add(stored.event().at(result.getSequence(i), epoch));
    }
    if (events.isEmpty()) {
      long next = Math.max(from, result.getNextSequenceToReadFrom());
      return new EventBatch(partition, "", events, next);
    }
    return EventBatch.live(partition, epoch, events);
  }

  /**
   * Hazelcast refuses a start beyond the newest + 1 (the count is kept within its bounds above, and
   * the start is never negative): for us that is simply nothing yet.
   */
  private Future<EventBatch> pastTheEnd(Throwable failure, long from) {
    if (failure instanceof IllegalArgumentException) {
      return Future.succeededFuture(new EventBatch(partition, "", List.of(), from));
    }
    return Future.failedFuture(failure);
  }

  @Override
  public Future<Long> newest() {
    return vertx.executeBlocking(ring::tailSequence, false);
  }

  /** The epoch stored for this partition, or a new one stored now when there is none. */
  @Override
  public Future<String> epoch() {
    String fresh = Epochs.fresh();
    return vertx.executeBlocking(
        () -> {
          String previous = epochs.putIfAbsent(partition.logName(), fresh);
          return previous == null ? fresh : previous;
        },
        false);
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
