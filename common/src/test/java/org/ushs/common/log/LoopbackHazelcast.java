package org.ushs.common.log;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import java.util.List;
import java.util.UUID;
import org.ushs.common.testing.FreePorts;

/** A one-member Hazelcast configuration on loopback, on a free port, for tests. */
public final class LoopbackHazelcast {

  private LoopbackHazelcast() {}

  /** A configuration of its own cluster, named after {@code purpose}. */
  public static Config config(String purpose) {
    Config config = new Config();
    config.setClusterName(purpose + "-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(FreePorts.next()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of("127.0.0.1"));
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    return config;
  }
}
