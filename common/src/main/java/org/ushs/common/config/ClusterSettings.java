package org.ushs.common.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where this node's Hazelcast member binds and whom it joins; no members means a one-node cluster.
 * Nodes with different names, or different cluster secrets, never join each other. {@code secret}
 * ({@code USHS_CLUSTER_SECRET}) is null when not set; {@code tlsCertificate}, {@code tlsKey} and
 * {@code tlsCa} (PEM files for mutual TLS on the event bus between nodes) are all null or all set.
 * {@link #toString} never shows the secret.
 */
public record ClusterSettings(
    String host,
    int port,
    List<String> members,
    String name,
    String secret,
    Path tlsCertificate,
    Path tlsKey,
    Path tlsCa) {

  /** Without a secret and without TLS on the event bus. */
  public ClusterSettings(String host, int port, List<String> members, String name) {
    this(host, port, members, name, null, null, null, null);
  }

  public boolean busTls() {
    return tlsCertificate != null;
  }

  @Override
  public String toString() {
    return "ClusterSettings[host="
        + host
        + ", port="
        + port
        + ", members="
        + members
        + ", name="
        + name
        + ", secret="
        + (secret == null ? "none" : "(set)")
        + ", busTls="
        + busTls()
        + "]";
  }
}
