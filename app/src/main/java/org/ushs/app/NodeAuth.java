package org.ushs.app;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.ushs.common.auth.ApiKeyAuthenticator;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.CertificateAuthenticator;
import org.ushs.common.auth.CompositeAuthenticator;
import org.ushs.common.auth.JwtAuthenticator;
import org.ushs.common.auth.PemCertificates;
import org.ushs.common.config.AuthSettings;
import org.ushs.common.config.TlsSettings;
import org.ushs.common.config.UshsConfig;

/**
 * The node's one {@link Authenticator}: JWTs, API keys and client certificates, each only when
 * configured (a kind of credentials not configured is refused).
 */
final class NodeAuth {

  private NodeAuth() {}

  static Authenticator authenticator(Vertx vertx, UshsConfig config) {
    AuthSettings auth = config.auth();
    return new CompositeAuthenticator(
        auth.acceptsTokens()
            ? new JwtAuthenticator(vertx, auth.jwtSecret(), auth.jwtPublicKeys(), auth.jwtPolicy())
            : null,
        auth.apiKeys().isEmpty() ? null : new ApiKeyAuthenticator(auth.apiKeys()),
        config.tls().requestsClientCertificates()
            ? new CertificateAuthenticator(clientCas(config.tls()), auth.clientIdentities())
            : null);
  }

  private static java.util.List<java.security.cert.X509Certificate> clientCas(TlsSettings tls) {
    try {
      return PemCertificates.parse(Files.readString(tls.clientCa(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException("USHS_TLS_CLIENT_CA: cannot read " + tls.clientCa(), e);
    }
  }
}
