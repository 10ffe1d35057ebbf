package org.ushs.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.List;
import org.ushs.common.config.ClusterSettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.log.PublishDedupe;
import org.ushs.common.log.RingbufferEventLog;

/**
 * The Hazelcast member configuration: vertx-hazelcast's defaults (the maps Vert.x needs), TCP/IP
 * join on the configured members only (no multicast, no auto-detection, no phone-home), bound to
 * the cluster host, and the replay log's structures.
 */
final class HazelcastSetup {

  private HazelcastSetup() {}

  static Config config(ClusterSettings cluster, ReplaySettings replay) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.setPublicAddress(cluster.host() + ":" + cluster.port());
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setMembers(
            cluster.members().isEmpty()
                ? List.of(cluster.host() + ":" + cluster.port())
                : cluster.members());
    RingbufferEventLog.configure(config, replay.capacity(), replay.ttl());
    PublishDedupe.configure(config, replay.ttl());
    return config;
  }
}
