package org.ushs.common.log;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ushs.common.event.EventKeys;

/**
 * Cluster-wide memory of published {@code source}+{@code id} pairs over the retention window, so
 * that a retried publish is acknowledged again with the same sequence and logged once.
 *
 * <p>A key's value is either its sequence (decimal) once logged, or a reservation
 * {@code @<member>/<n>/<millis>} taken atomically before the append: a second publish of the key,
 * on any node, sees who is logging it. A reservation whose member left (it may or may not have
 * appended) is resolved by the caller from the log itself.
 */
public final class PublishDedupe {

  /** The map's name in Hazelcast. */
  public static final String MAP = "ushs-dedupe";

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final IMap<String, String> seen;
  private final String member;
  private final int capacity;
  private final OldestSequenceFirst order;
  private final AtomicLong sweptAt = new AtomicLong();
  private final AtomicBoolean sweeping = new AtomicBoolean();

  /** The dedupe map of a log retaining {@code capacity} events, none older than {@code ttl}. */
  public PublishDedupe(Vertx vertx, HazelcastInstance hazelcast, int capacity, Duration ttl) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.seen = hazelcast.getMap(MAP);
    this.member = hazelcast.getCluster().getLocalMember().getUuid().toString();
    this.capacity = capacity;
    this.order = new OldestSequenceFirst(ttl.toMillis());
  }

  /** How many entries a member keeps per event the log retains; see {@link #configure}. */
  public static final int ENTRIES_PER_RETAINED_EVENT = 2;

  /**
   * Declares the map in {@code config}, with one synchronous backup like the log. A member holds at
   * most {@link #ENTRIES_PER_RETAINED_EVENT} x {@code capacity} entries: beyond that the entries of
   * the oldest events leave ({@link OldestSequenceFirst}; reservations older than {@code ttl}
   * before them, younger ones last). Hazelcast bounds each partition and evicts the oldest of a
   * sample of its entries, so the bound has room to spare: keys of the newest {@code capacity}
   * events (the ones the log still holds) are kept. No time to live: Hazelcast then looks up every
   * sampled entry's expiry by key, which made eviction cost more than the rest of a publish. Values
   * are kept as objects, so that comparing samples does not deserialize them again and again.
   */
  public static void configure(Config config, int capacity, Duration ttl) {
    EvictionConfig eviction =
        new EvictionConfig()
            .setEvictionPolicy(EvictionPolicy.NONE) // Hazelcast's name for "the comparator's"
            .setComparator(new OldestSequenceFirst(ttl.toMillis()))
            .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
            .setSize(maxEntries(capacity, partitions(config)));
    config.addMapConfig(
        new MapConfig(MAP)
            .setBackupCount(1)
            .setInMemoryFormat(InMemoryFormat.OBJECT)
            .setEvictionConfig(eviction));
  }

  /**
   * The most entries a member holds for a log of {@code capacity} events. Hazelcast bounds each of
   * the {@code partitions} on its own (the bound over the partition count, at least 1), and keys do
   * not spread evenly: the room of {@link #SPARE_PER_PARTITION} entries in each partition keeps a
   * small log's keys from evicting each other while the log still holds their events.
   */
  public static int maxEntries(int capacity, int partitions) {
    long entries =
        (long) capacity * ENTRIES_PER_RETAINED_EVENT + (long) partitions * SPARE_PER_PARTITION;
    return (int) Math.min(Integer.MAX_VALUE, entries);
  }

  /** See {@link #maxEntries}. */
  static final int SPARE_PER_PARTITION = 16;

  private static int partitions(Config config) {
    String count = config.getProperty("hazelcast.partition.count");
    return count == null ? DEFAULT_PARTITIONS : Integer.parseInt(count);
  }

  /** Hazelcast's partition count unless configured. */
  private static final int DEFAULT_PARTITIONS = 271;

  /** The key of an event: its source and id, which CloudEvents says are unique together. */
  public static String keyOf(EventKeys keys) {
    return keys.source() + '\u0000' + keys.id();
  }

  /** This member's id, as reservations name it. */
  public String member() {
    return member;
  }

  /** Whether {@code memberId} is a member of the cluster now. */
  public boolean isMember(String memberId) {
    for (Member m : hazelcast.getCluster().getMembers()) {
      if (m.getUuid().toString().equals(memberId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sets {@code mark} on every key that has no value, atomically per key; the result holds the
   * value each other key had (a sequence or someone's reservation). A key absent from the result,
   * or mapped to {@code mark} itself, is reserved by this call. One call per key: Hazelcast's
   * {@code submitToKeys} runs each partition's operation over all the keys given, which cost
   * thousands of lookups per key with hundreds of keys at once.
   */
  public Future<Map<String, String>> reserve(Set<String> keys, String mark) {
    Reserve reserve = new Reserve(mark);
    Map<String, CompletableFuture<String>> calls = new HashMap<>();
    for (String key : keys) {
      calls.put(key, seen.submitToKey(key, reserve).toCompletableFuture());
    }
    CompletableFuture<Map<String, String>> all =
        CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new))
            .thenApply(done -> previousValues(calls));
    return Future.fromCompletionStage(all, vertx.getOrCreateContext());
  }

  private static Map<String, String> previousValues(Map<String, CompletableFuture<String>> calls) {
    Map<String, String> previous = new HashMap<>();
    calls.forEach(
        (key, call) -> {
          String value = call.join();
          if (value != null) {
            previous.put(key, value);
          }
        });
    return previous;
  }

  /** Replaces the reservation {@code previous} by {@code mark}; false if the value changed. */
  public Future<Boolean> takeOver(String key, String previous, String mark) {
    return vertx.executeBlocking(() -> seen.replace(key, previous, mark), false);
  }

  /**
   * Remembers newly logged events, key to sequence, replacing their reservations. Every half {@code
   * capacity} events, the entries of events the log no longer holds are swept out.
   */
  public Future<Void> remember(Map<String, Long> logged) {
    Map<String, String> values = new HashMap<>();
    long newest = -1;
    for (Map.Entry<String, Long> entry : logged.entrySet()) {
      values.put(entry.getKey(), Long.toString(entry.getValue()));
      newest = Math.max(newest, entry.getValue());
    }
    sweepIfDue(newest);
    return Future.fromCompletionStage(seen.putAllAsync(values), vertx.getOrCreateContext());
  }

  /**
   * One scan of the map (on a worker, one at a time) costs far less than Hazelcast's eviction,
   * which samples a partition's entries on every put once the map is at its bound; that stays as
   * the bound's backstop.
   */
  private void sweepIfDue(long newest) {
    long due = sweptAt.get() + Math.max(1, capacity / 2);
    if (newest >= due && sweeping.compareAndSet(false, true)) {
      sweptAt.set(newest);
      forgetBefore(newest - capacity).onComplete(done -> sweeping.set(false));
    }
  }

  /**
   * Removes the entries of events before {@code sequence}, and reservations older than the
   * retention time; completes when done.
   */
  Future<Void> forgetBefore(long sequence) {
    RetiredEntries retired = new RetiredEntries(order, sequence, System.currentTimeMillis());
    return vertx.executeBlocking(
        () -> {
          seen.removeAll(retired);
          return null;
        },
        false);
  }
}
