package org.ushs.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Under a steady stream of publishes the dedupe map stays bounded by the log's capacity, not only
 * by its time to live, and still remembers the events the log holds. A real one-member Hazelcast on
 * loopback; few partitions, so that each holds enough entries for the bound to be even.
 */
class PublishDedupeBoundTest {

  private static final int CAPACITY = 2_000;
  private static final int PARTITIONS = 7;
  private static final int PUBLISHED = 10 * CAPACITY;
  private static final int CALL = 500;

  private final Vertx vertx = Vertx.vertx();
  private HazelcastInstance hazelcast;

  @AfterEach
  void close() throws Exception {
    if (hazelcast != null) {
      hazelcast.shutdown();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The backstop alone: this member never sweeps (it believes the log is huge). */
  @Test
  void boundedByCapacityAndKeepsTheNewest() throws Exception {
    hazelcast = Hazelcast.newHazelcastInstance(config());
    PublishDedupe dedupe =
        new PublishDedupe(vertx, hazelcast, Integer.MAX_VALUE / 4, Duration.ofHours(1));
    IMap<String, String> map = hazelcast.getMap(PublishDedupe.MAP);
    int largest = 0;
    for (int from = 0; from < PUBLISHED; from += CALL) {
      Map<String, Long> logged = new HashMap<>();
      for (int i = from; i < from + CALL; i++) {
        logged.put(key(i), (long) i);
      }
      dedupe.remember(logged).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      largest = Math.max(largest, map.size());
    }
    int bound = PublishDedupe.maxEntries(CAPACITY, PARTITIONS);
    assertTrue(largest <= bound, "the map held " + largest + " entries, bound " + bound);
    assertTrue(largest > CAPACITY, "the map held only " + largest + " entries");

    Map<String, String> newestHalf = map.getAll(keys(PUBLISHED - CAPACITY / 2, PUBLISHED));
    assertEquals(CAPACITY / 2, newestHalf.size(), "the newest half of the log is remembered");
    newestHalf.forEach((key, sequence) -> assertEquals(key, key(Integer.parseInt(sequence))));
    int retained = map.getAll(keys(PUBLISHED - CAPACITY, PUBLISHED)).size();
    assertTrue(retained >= CAPACITY * 99 / 100, retained + " of the log's " + CAPACITY + " kept");
  }

  /**
   * Sweeps: every half capacity, the entries of events the log no longer holds go, and so do
   * reservations older than the retention time; younger reservations and the log's events stay.
   */
  @Test
  void sweepsForgetWhatTheLogNoLongerHolds() throws Exception {
    hazelcast = Hazelcast.newHazelcastInstance(config());
    PublishDedupe dedupe = new PublishDedupe(vertx, hazelcast, CAPACITY, Duration.ofHours(1));
    IMap<String, String> map = hazelcast.getMap(PublishDedupe.MAP);
    long hourAgo = System.currentTimeMillis() - Duration.ofMinutes(61).toMillis();
    map.put("stale", "@member/1/" + hourAgo);
    map.put("young", "@member/2/" + System.currentTimeMillis());
    for (int from = 0; from < PUBLISHED; from += CALL) {
      Map<String, Long> logged = new HashMap<>();
      for (int i = from; i < from + CALL; i++) {
        logged.put(key(i), (long) i);
      }
      dedupe.remember(logged).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    // the sweeps remember started keep at most capacity + half of it (+ one call, + the young one);
    // the eviction backstop alone would let the map grow to twice the capacity
    int swept = CAPACITY * 3 / 2 + CALL + 1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (map.size() > swept && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(map.size() <= swept, map.size() + " entries after the sweeps, at most " + swept);
    dedupe
        .forgetBefore(PUBLISHED - CAPACITY)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);

    assertEquals(CAPACITY + 1, map.size(), "the log's events and the young reservation");
    assertEquals(CAPACITY, map.getAll(keys(PUBLISHED - CAPACITY, PUBLISHED)).size());
    assertTrue(map.containsKey("young"));
  }

  /**
   * A small log on the usual 271 partitions: Hazelcast bounds each partition on its own, so without
   * room to spare two keys in one partition would evict each other while the log holds both.
   */
  @Test
  void aSmallLogKeepsEveryKeyItHolds() throws Exception {
    int capacity = 40;
    Config config = LoopbackHazelcast.config("dedupe-small");
    PublishDedupe.configure(config, capacity, Duration.ofHours(1));
    hazelcast = Hazelcast.newHazelcastInstance(config);
    PublishDedupe dedupe =
        new PublishDedupe(vertx, hazelcast, Integer.MAX_VALUE / 4, Duration.ofHours(1));
    Map<String, Long> logged = new HashMap<>();
    for (int i = 0; i < capacity; i++) {
      logged.put(key(i), (long) i);
    }
    dedupe.remember(logged).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(capacity, hazelcast.getMap(PublishDedupe.MAP).size());
  }

  private static Config config() {
    Config config = LoopbackHazelcast.config("dedupe-bound");
    config.setProperty("hazelcast.partition.count", Integer.toString(PARTITIONS));
    PublishDedupe.configure(config, CAPACITY, Duration.ofHours(1));
    return config;
  }

  private static Set<String> keys(int from, int to) {
    List<String> keys = new ArrayList<>();
    for (int i = from; i < to; i++) {
      keys.add(key(i));
    }
    return Set.copyOf(keys);
  }

  private static String key(int i) {
    return "bench/source" + '\u0000' + "event-" + i;
  }
}
