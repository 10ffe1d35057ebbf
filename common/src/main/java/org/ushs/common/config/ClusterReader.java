package org.ushs.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ushs.common.auth.PemCertificates;

/**
 * Reads the cluster settings: where the member binds, whom it joins, the cluster secret and the
 * event bus's TLS files (all three or none, each readable PEM), failing with a line naming the
 * setting.
 */
final class ClusterReader {

  static final int MIN_SECRET_BYTES = 16;

  private ClusterReader() {}

  static ClusterSettings cluster(Settings s) {
    String secret = s.string("USHS_CLUSTER_SECRET", null);
    if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new ConfigException("USHS_CLUSTER_SECRET", "must be at least 16 bytes");
    }
    Path cert = path(s, "USHS_CLUSTER_TLS_CERT");
    Path key = path(s, "USHS_CLUSTER_TLS_KEY");
    Path ca = path(s, "USHS_CLUSTER_TLS_CA");
    if (cert != null || key != null || ca != null) {
      pem("USHS_CLUSTER_TLS_CERT", cert, "CERTIFICATE");
      pem("USHS_CLUSTER_TLS_KEY", key, "PRIVATE KEY");
      pem("USHS_CLUSTER_TLS_CA", ca, "CERTIFICATE");
    }
    return new ClusterSettings(
        s.string("USHS_CLUSTER_HOST", "127.0.0.1"),
        s.port("USHS_CLUSTER_PORT", 5701),
        s.list("USHS_CLUSTER_MEMBERS"),
        s.string("USHS_CLUSTER_NAME", "ushs"),
        secret,
        cert,
        key,
        ca);
  }

  private static void pem(String name, Path path, String kind) {
    if (path == null) {
      throw new ConfigException(
          name, "USHS_CLUSTER_TLS_CERT, USHS_CLUSTER_TLS_KEY and USHS_CLUSTER_TLS_CA go together");
    }
    String content;
    try {
      content = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(name, "cannot read " + path + ": " + e.getClass().getSimpleName());
    }
    if (content.contains("ENCRYPTED PRIVATE KEY") || !content.contains(kind + "-----")) {
      throw new ConfigException(name, path + ": holds no unencrypted PEM " + kind);
    }
    if (kind.equals("CERTIFICATE")) {
      try {
        PemCertificates.parse(content);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, path + ": " + e.getMessage());
      }
    }
  }

  private static Path path(Settings s, String name) {
    String value = s.string(name, null);
    return value == null ? null : Path.of(value);
  }
}
