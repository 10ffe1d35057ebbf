package org.ushs.gateway.security;

import io.vertx.core.MultiMap;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ushs.common.auth.CredentialSources;
import org.ushs.common.auth.Credentials;

/**
 * The credentials of a WebSocket handshake. When a client sends several, one is used, in this
 * order: {@code Authorization: Bearer}, the {@code ushs.bearer.} subprotocol, {@code X-API-Key},
 * {@code ?access_token=}, {@code ?apikey=}, and last the TLS client certificate. Pure.
 */
public final class WebSocketCredentials {

  private WebSocketCredentials() {}

  /**
   * The credentials to check, if any.
   *
   * @param query the decoded query parameters
   * @param peer the client's certificate chain (empty when it sent none or none was requested)
   * @throws org.ushs.common.auth.AuthFailure for an {@code Authorization} header that is not Bearer
   */
  public static Optional<Credentials> find(
      MultiMap headers, Map<String, List<String>> query, List<Certificate> peer) {
    return CredentialSources.bearer(headers)
        .or(() -> subprotocol(headers))
        .or(() -> CredentialSources.apiKeyHeader(headers))
        .or(() -> parameter(query, "access_token").map(Credentials.BearerToken::new))
        .or(() -> parameter(query, "apikey").map(Credentials.ApiKey::new))
        .or(() -> certificate(peer));
  }

  private static Optional<Credentials> subprotocol(MultiMap headers) {
    return TokenSubprotocol.token(headers.get("Sec-WebSocket-Protocol"))
        .map(Credentials.BearerToken::new);
  }

  private static Optional<String> parameter(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank()
        ? Optional.empty()
        : Optional.of(values.get(0).trim());
  }

  private static Optional<Credentials> certificate(List<Certificate> peer) {
    if (peer.isEmpty() || !peer.stream().allMatch(c -> c instanceof X509Certificate)) {
      return Optional.empty();
    }
    return Optional.of(
        new Credentials.ClientCertificate(peer.stream().map(X509Certificate.class::cast).toList()));
  }
}
