package org.ushs.common.log;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.ushs.common.event.EventKeys;

/**
 * Cluster-wide memory of published {@code source}+{@code id} pairs and their sequences, over the
 * retention window, so that a retried publish is acknowledged again with the same sequence.
 */
public final class PublishDedupe {

  /** The map's name in Hazelcast. */
  public static final String MAP = "ushs-dedupe";

  private final Vertx vertx;
  private final IMap<String, Long> seen;

  public PublishDedupe(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.seen = hazelcast.getMap(MAP);
  }

  /**
   * Declares the map in {@code config}: entries live as long as the log keeps events, with one
   * synchronous backup, like the log.
   */
  public static void configure(Config config, Duration ttl) {
    config.addMapConfig(
        new MapConfig(MAP)
            .setBackupCount(1)
            .setTimeToLiveSeconds((int) Math.max(1, ttl.toSeconds())));
  }

  /** The key of an event: its source and id, which CloudEvents says are unique together. */
  public static String keyOf(EventKeys keys) {
    return keys.source() + '\u0000' + keys.id();
  }

  /** The sequences of those of {@code keys} that were published before. */
  public Future<Map<String, Long>> known(Set<String> keys) {
    return vertx.executeBlocking(() -> seen.getAll(keys), false);
  }

  /** Remembers newly logged events, key to sequence. */
  public Future<Void> remember(Map<String, Long> logged) {
    return Future.fromCompletionStage(seen.putAllAsync(logged), vertx.getOrCreateContext());
  }
}
