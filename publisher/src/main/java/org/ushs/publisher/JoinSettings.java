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
 */
public record JoinSettings(String clusterName, String host, int port, List<String> members) {

  public JoinSettings {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("members: list at least one USHS node (host:port)");
    }
  }

  /**
   * From the same variables a node reads: {@code USHS_CLUSTER_NAME} (default {@code ushs}), {@code
   * USHS_CLUSTER_HOST} (default {@code 127.0.0.1}), {@code USHS_CLUSTER_PORT} (default 5701), and
   * {@code USHS_CLUSTER_MEMBERS} (required).
   */
  public static JoinSettings fromEnv(Map<String, String> env) {
    String members = env.getOrDefault("USHS_CLUSTER_MEMBERS", "");
    return new JoinSettings(
        env.getOrDefault("USHS_CLUSTER_NAME", "ushs"),
        env.getOrDefault("USHS_CLUSTER_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("USHS_CLUSTER_PORT", "5701").trim()),
        Arrays.stream(members.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}
