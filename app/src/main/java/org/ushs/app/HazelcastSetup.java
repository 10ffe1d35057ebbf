package org.ushs.app;

import com.hazelcast.config.Config;
import org.ushs.common.config.ClusterSettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.log.hazelcast.RingbufferEventLog;
import org.ushs.publisher.MemberConfig;

/**
 * The Hazelcast member configuration of a node: what every member shares ({@link MemberConfig}:
 * TCP/IP join on the configured members only, bound to the cluster host's address), the replay
 * log's structures, and their split-brain protection ({@link Quorum}).
 */
final class HazelcastSetup {

  private HazelcastSetup() {}

  /** {@code address} is the cluster host, resolved ({@link MemberConfig#resolve}). */
  static Config config(ClusterSettings cluster, String address, ReplaySettings replay) {
    Config config = MemberConfig.base(cluster.name(), address, cluster.port(), cluster.members());
    RingbufferEventLog.configure(config, replay.capacity(), replay.ttl());
    Quorum.of(cluster.members()).ifPresent(quorum -> quorum.protect(config));
    return config;
  }
}
