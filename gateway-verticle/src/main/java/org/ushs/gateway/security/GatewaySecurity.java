package org.ushs.gateway.security;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.Principal;
import org.ushs.common.config.TlsSettings;
import org.ushs.common.net.ServerTls;

/**
 * Everything the gateway checks before a client gets in: TLS of the port, the {@code Origin}, and
 * the credentials of the handshake through the one {@link Authenticator}. Thread-safe.
 */
public final class GatewaySecurity {

  private final Authenticator authenticator;
  private final TlsSettings tls;
  private final OriginPolicy origins;

  public GatewaySecurity(Authenticator authenticator, TlsSettings tls, List<String> origins) {
    this.authenticator = authenticator;
    this.tls = tls;
    this.origins = new OriginPolicy(origins);
  }

  /** Plain WebSocket, any origin: tests and embedders that need nothing more. */
  public static GatewaySecurity plain(Authenticator authenticator) {
    return new GatewaySecurity(authenticator, TlsSettings.NONE, List.of());
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  /** The server options with TLS (when configured), the one selectable subprotocol, HTTP/1.1. */
  public HttpServerOptions apply(HttpServerOptions options) {
    return ServerTls.apply(options, tls)
        .setWebSocketSubProtocols(List.of(TokenSubprotocol.APPLICATION))
        // no HTTP/2 detection: a connection is then counted per IP as it opens (IpGate), not at
        // its first bytes, so that idle sockets count too
        .setHttp2ClearTextEnabled(false);
  }

  /** Whether the handshake's {@code Origin} may connect. */
  public boolean originAllowed(ServerWebSocketHandshake handshake) {
    return origins.allows(handshake.headers().get("Origin"));
  }

  /**
   * The principal of the handshake's credentials; fails with {@link AuthFailure}: MISSING when
   * there are none, INVALID when they are bad.
   */
  public Future<Principal> authenticate(
      ServerWebSocketHandshake handshake, Map<String, List<String>> query) {
    return Future.succeededFuture(handshake)
        .map(hs -> WebSocketCredentials.find(hs.headers(), query, peerCertificates(hs)))
        .compose(found -> authenticator.authenticate(found, "Authentication required"));
  }

  private List<Certificate> peerCertificates(ServerWebSocketHandshake handshake) {
    if (!tls.requestsClientCertificates() || !handshake.isSsl()) {
      return List.of();
    }
    try {
      return handshake.peerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return List.of(); // the client sent no certificate: it may still bring a token
    }
  }
}
