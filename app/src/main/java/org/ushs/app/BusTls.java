package org.ushs.app;

import org.ushs.common.config.ClusterSettings;
import org.ushs.publisher.ClusterTls;

/** The event bus's TLS of a node ({@code USHS_CLUSTER_TLS_*}), as healing services set it too. */
final class BusTls {

  private BusTls() {}

  static ClusterTls of(ClusterSettings cluster) {
    return new ClusterTls(cluster.tlsCertificate(), cluster.tlsKey(), cluster.tlsCa());
  }
}
