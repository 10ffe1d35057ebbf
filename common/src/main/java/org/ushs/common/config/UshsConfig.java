package org.ushs.common.config;

import java.util.Set;

/** The whole, validated configuration of a node. Immutable. */
public record UshsConfig(
    Set<Role> roles,
    ClusterSettings cluster,
    GatewaySettings gateway,
    IngestSettings ingest,
    ReplaySettings replay,
    AuthSettings auth,
    TlsSettings tls,
    LogFormat logFormat) {

  public UshsConfig {
    roles = Set.copyOf(roles);
  }

  public boolean runs(Role role) {
    return roles.contains(role);
  }

  /** A copy with another auth section (dev mode fills in its generated secret). */
  public UshsConfig withAuth(AuthSettings newAuth) {
    return new UshsConfig(roles, cluster, gateway, ingest, replay, newAuth, tls, logFormat);
  }
}
