package org.ushs.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ushs.common.auth.ApiKeysFile;
import org.ushs.common.auth.ClientIdentityMap;
import org.ushs.common.auth.JwtKeyFile;
import org.ushs.common.auth.JwtPolicy;
import org.ushs.common.auth.Origins;
import org.ushs.common.auth.PemCertificates;

/**
 * Reads and checks the security settings, files included, so that a bad key file, a key in clear or
 * a half-configured TLS stops start-up with one line naming the setting.
 */
final class SecurityReader {

  private static final int MIN_SECRET_BYTES = 32;

  private SecurityReader() {}

  static TlsSettings tls(Settings s) {
    Path cert = path(s, "USHS_TLS_CERT");
    Path key = path(s, "USHS_TLS_KEY");
    Path clientCa = path(s, "USHS_TLS_CLIENT_CA");
    if ((cert == null) != (key == null)) {
      String missing = cert == null ? "USHS_TLS_CERT" : "USHS_TLS_KEY";
      throw new ConfigException(missing, "required with USHS_TLS_CERT and USHS_TLS_KEY together");
    }
    if (clientCa != null && cert == null) {
      throw new ConfigException("USHS_TLS_CLIENT_CA", "needs USHS_TLS_CERT and USHS_TLS_KEY");
    }
    if (cert != null) {
      read("USHS_TLS_CERT", cert, PemCertificates::parse);
      read("USHS_TLS_KEY", key, SecurityReader::privateKey);
    }
    if (clientCa != null) {
      read("USHS_TLS_CLIENT_CA", clientCa, PemCertificates::parse);
    }
    return cert == null ? TlsSettings.NONE : new TlsSettings(cert, key, clientCa);
  }

  static AuthSettings auth(Settings s, TlsSettings tls) {
    Path publicKeys = path(s, "USHS_JWT_PUBLIC_KEYS");
    Path apiKeys = path(s, "USHS_API_KEYS_FILE");
    Path clientMap = path(s, "USHS_TLS_CLIENT_MAP");
    if ((clientMap != null) != tls.requestsClientCertificates()) {
      throw new ConfigException(
          clientMap == null ? "USHS_TLS_CLIENT_MAP" : "USHS_TLS_CLIENT_CA",
          "USHS_TLS_CLIENT_CA and USHS_TLS_CLIENT_MAP go together (mTLS)");
    }
    return new AuthSettings(
        secret(s),
        publicKeys == null
            ? List.of()
            : read("USHS_JWT_PUBLIC_KEYS", publicKeys, JwtKeyFile::parse),
        new JwtPolicy(
            s.string("USHS_JWT_ISSUER", null),
            s.string("USHS_JWT_AUDIENCE", null),
            JwtPolicy.DEFAULT_LEEWAY),
        apiKeys == null ? List.of() : read("USHS_API_KEYS_FILE", apiKeys, ApiKeysFile::parse),
        clientMap == null
            ? List.of()
            : read("USHS_TLS_CLIENT_MAP", clientMap, ClientIdentityMap::parse),
        origins(s),
        s.string("USHS_DEV_SECRET_FILE", null));
  }

  private static String secret(Settings s) {
    String secret = s.string("USHS_JWT_SECRET", null);
    if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new ConfigException("USHS_JWT_SECRET", "must be at least 32 bytes for HS256");
    }
    return secret;
  }

  /** Origins as browsers send them: {@code scheme://host[:port]}, see {@link Origins}. */
  private static List<String> origins(Settings s) {
    List<String> origins = new ArrayList<>();
    for (String origin : s.list("USHS_ALLOWED_ORIGINS")) {
      origins.add(
          Origins.normalize(origin)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "USHS_ALLOWED_ORIGINS",
                          "not an origin (http(s)://host[:port]): " + origin)));
    }
    return origins;
  }

  private static String privateKey(String pem) {
    if (pem.contains("ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException("the private key must not be encrypted");
    }
    if (!pem.matches("(?s).*-----BEGIN (RSA |EC )?PRIVATE KEY-----.*")) {
      throw new IllegalArgumentException("holds no PEM PRIVATE KEY");
    }
    return pem;
  }

  private static Path path(Settings s, String name) {
    String value = s.string(name, null);
    return value == null ? null : Path.of(value);
  }

  private static <T> T read(String name, Path path, Function<String, T> parse) {
    String content;
    try {
      content = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(name, "cannot read " + path + ": " + e.getClass().getSimpleName());
    }
    try {
      return parse.apply(content);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, path + ": " + e.getMessage());
    }
  }
}
