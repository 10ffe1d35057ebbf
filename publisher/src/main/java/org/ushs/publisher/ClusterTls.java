package org.ushs.publisher;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Mutual TLS on the Vert.x event bus between cluster members: each member presents {@code
 * certificate} (with {@code privateKey}, PEM, unencrypted) and accepts only peers whose certificate
 * {@code ca} issued, in both directions (client certificates required); TLS 1.3 only. The identity
 * checked is "issued by the cluster's CA": the bus does not verify host names, so one certificate
 * may serve every member. All three paths null: a plain event bus.
 */
public record ClusterTls(Path certificate, Path privateKey, Path ca) {

  public static final ClusterTls NONE = new ClusterTls(null, null, null);

  public ClusterTls {
    if ((certificate == null) != (privateKey == null) || (certificate == null) != (ca == null)) {
      throw new IllegalArgumentException(
          "cluster TLS needs certificate, private key and CA together");
    }
  }

  /**
   * From {@code USHS_CLUSTER_TLS_CERT}, {@code USHS_CLUSTER_TLS_KEY}, {@code USHS_CLUSTER_TLS_CA}.
   */
  public static ClusterTls fromEnv(Map<String, String> env) {
    return new ClusterTls(
        path(env, "USHS_CLUSTER_TLS_CERT"),
        path(env, "USHS_CLUSTER_TLS_KEY"),
        path(env, "USHS_CLUSTER_TLS_CA"));
  }

  public boolean enabled() {
    return certificate != null;
  }

  /** {@code options} with TLS set as above, or unchanged when not enabled. */
  public EventBusOptions apply(EventBusOptions options) {
    if (!enabled()) {
      return options;
    }
    return options
        .setSsl(true)
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .setCertPath(certificate.toString())
                .setKeyPath(privateKey.toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
        .setClientAuth(ClientAuth.REQUIRED)
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.3"));
  }

  private static Path path(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : Path.of(value.trim());
  }
}
