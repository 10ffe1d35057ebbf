package org.ushs.app;

import com.hazelcast.config.Config;
import org.ushs.common.config.ClusterSettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.log.hazelcast.RingbufferEventLog;
import org.ushs.publisher.MemberConfig;

/**
 * The Hazelcast member configuration of a node: what every member shares ({@link MemberConfig}:
 * TCP/IP join on the configured members only, bound to the cluster host's address, failure
 * detection and merge timings, the cluster name derived from the name and the cluster secret), the
 * replay log's structures, and their split-brain protection ({@link Quorum}).
 */
final class HazelcastSetup {

  // Hazelcast warns "CP Subsystem is not enabled. CP data structures will operate in UNSAFE mode!"
  // at every member's start, whether or not a CP structure is ever used. A node uses none (the log
  // is a ring buffer, dedupe a map; vertx-hazelcast 5 takes no CP locks or counters), so the line
  // only sends operators looking for a problem. Held in a field: JUL keeps loggers weakly.
  private static final java.util.logging.Logger CP_SUBSYSTEM_LOG =
      java.util.logging.Logger.getLogger("com.hazelcast.cp.CPSubsystem");

  static {
    CP_SUBSYSTEM_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private HazelcastSetup() {}

  /** {@code address} is the cluster host, resolved ({@link MemberConfig#resolve}). */
  static Config config(ClusterSettings cluster, String address, ReplaySettings replay) {
    Config config =
        MemberConfig.base(
            MemberConfig.clusterName(cluster.name(), cluster.secret()),
            address,
            cluster.port(),
            cluster.members());
    RingbufferEventLog.configure(config, replay.capacity(), replay.ttl());
    Quorum.of(cluster.members()).ifPresent(quorum -> quorum.protect(config));
    return config;
  }
}
