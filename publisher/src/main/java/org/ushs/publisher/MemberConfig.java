package org.ushs.publisher;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Hazelcast configuration every member of a USHS cluster shares, nodes and healing services
 * alike: vertx-hazelcast's defaults (the maps Vert.x needs), the cluster name, TCP/IP join on the
 * listed members only (no multicast, no auto-detection, no phone-home), bound to one address.
 */
public final class MemberConfig {

  private MemberConfig() {}

  /**
   * The base configuration of a member at {@code address} (an IP address: Hazelcast matches
   * interfaces by address, see {@link #resolve}) and {@code port}; with no {@code members} it forms
   * a cluster of its own.
   */
  public static Config base(String clusterName, String address, int port, List<String> members) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    failureDetection(config);
    quietWhenIdle(config);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.setPublicAddress(address + ":" + port);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(address));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setMembers(members.isEmpty() ? List.of(address + ":" + port) : members);
    return config;
  }

  /**
   * The Hazelcast cluster name of a USHS cluster called {@code name} with {@code secret} ({@code
   * USHS_CLUSTER_SECRET}; null: the name as it is): the name, a dash and the first 16 hex digits of
   * SHA-256 over both. Hazelcast (open source) lets a member join only a cluster of the same name,
   * so a member with another secret forms a cluster of its own. The secret itself never leaves the
   * process; the derived name does (it is sent in clear to every member contacted, and Hazelcast
   * writes it in its log lines).
   */
  public static String clusterName(String name, String secret) {
    if (secret == null) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("ushs-cluster\0" + name + "\0" + secret).getBytes(StandardCharsets.UTF_8));
      return name + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  /**
   * How members notice a peer gone and find each other again after a partition (issue 15: with
   * Hazelcast's defaults a healed partition stayed split for 5 minutes).
   *
   * <ul>
   *   <li>heartbeat every 1 s (default 5): a small packet per member pair, so that the 15 s below
   *       are 15 chances, not 3, and a slow link or a short pause does not look like a loss;
   *   <li>a member silent for 15 s is removed (default 60): a network cut or a frozen process is
   *       noticed within 15 s (a killed process sooner: its sockets close), while a GC pause or a
   *       congested link of a few seconds does not split the cluster;
   *   <li>split-brain merge: first look for the other side 5 s after start, then every 5 s
   *       (defaults 300 s and 120 s): each look is one connection attempt per listed member not in
   *       this cluster, so a healed partition is merged within about 10 s (the smaller side merges
   *       into the larger, which keeps its data: the side that had quorum).
   * </ul>
   */
  static void failureDetection(Config config) {
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
  }

  /**
   * Hazelcast's own metrics are off: it collects several hundred of them every 5 s for Management
   * Center, which a USHS cluster does not run (a node's metrics are its {@code /metrics}). With
   * them on, an idle member of a three-node cluster spent 31-38 ms of CPU per second (the JIT
   * 13-19, Hazelcast's threads 12-15); without them 19-24 (the JIT 4-9, Hazelcast's threads 10-12).
   * A node with no clients pays this floor whatever the load (issue 12).
   */
  static void quietWhenIdle(Config config) {
    config.getMetricsConfig().setEnabled(false);
  }

  /**
   * The IP address of {@code host}: an address stays as it is, a name (a container's or service's
   * DNS name) is looked up once, at start. Hazelcast binds to interfaces by address and refuses a
   * name; the address is also what the member advertises to the others.
   *
   * @throws IllegalArgumentException when the name does not resolve
   */
  public static String resolve(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve cluster host " + host, e);
    }
  }
}
