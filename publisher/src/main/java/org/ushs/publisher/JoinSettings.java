package org.ushs.publisher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where a healing service's member binds and whom it joins: the same cluster name and member list
 * as the USHS nodes, and an address and port of its own that the nodes can reach.
 *
 * @param clusterName the nodes' {@code USHS_CLUSTER_NAME}
 * @param host address or name of this process that the nodes can connect to
 * @param port Hazelcast member port of this process (not one a node on the same host uses)
 * @param members the nodes' {@code host:port} list ({@code USHS_CLUSTER_MEMBERS})
 * @param secret the nodes' {@code USHS_CLUSTER_SECRET}, or null when they have none
 * @param tls the event bus's TLS as the nodes have it ({@code USHS_CLUSTER_TLS_*})
 */
public record JoinSettings(
    String clusterName,
    String host,
    int port,
    List<String> members,
    String secret,
    ClusterTls tls) {

  public JoinSettings {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("members: list at least one USHS node (host:port)");
    }
    tls = tls == null ? ClusterTls.NONE : tls;
  }

  /** Without a cluster secret and without TLS on the event bus. */
  public JoinSettings(String clusterName, String host, int port, List<String> members) {
    this(clusterName, host, port, members, null, ClusterTls.NONE);
  }

  /** The Hazelcast cluster name the nodes use ({@link MemberConfig#clusterName}). */
  public String hazelcastClusterName() {
    return MemberConfig.clusterName(clusterName, secret);
  }

  @Override
  public String toString() {
    return "JoinSettings[clusterName="
        + clusterName
        + ", host="
        + host
        + ", port="
        + port
        + ", members="
        + members
        + ", secret="
        + (secret == null ? "none" : "(set)")
        + ", tls="
        + tls.enabled()
        + "]";
  }

  /**
   * From the same variables a node reads: {@code USHS_CLUSTER_NAME} (default {@code ushs}), {@code
   * USHS_CLUSTER_HOST} (default {@code 127.0.0.1}), {@code USHS_CLUSTER_PORT} (default 5701),
   * {@code USHS_CLUSTER_MEMBERS} (required), {@code USHS_CLUSTER_SECRET} and {@code
   * USHS_CLUSTER_TLS_CERT}/{@code _KEY}/{@code _CA} (optional, as the nodes have them).
   */
  public static JoinSettings fromEnv(Map<String, String> env) {
    String members = env.getOrDefault("USHS_CLUSTER_MEMBERS", "");
    return new JoinSettings(
        env.getOrDefault("USHS_CLUSTER_NAME", "ushs"),
        env.getOrDefault("USHS_CLUSTER_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("USHS_CLUSTER_PORT", "5701").trim()),
        Arrays.stream(members.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
        blankToNull(env.get("USHS_CLUSTER_SECRET")),
        ClusterTls.fromEnv(env));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
