package org.ushs.common.net;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.Set;
import org.ushs.common.config.TlsSettings;

/**
 * TLS of a server port: TLS 1.3 only; with a client CA, client certificates are requested (not
 * required, so token clients still connect) and must chain to that CA alone.
 */
public final class ServerTls {

  public static final String TLS_1_3 = "TLSv1.3";

  private ServerTls() {}

  /** {@code options} with {@code tls} applied; unchanged when TLS is off. */
  public static HttpServerOptions apply(HttpServerOptions options, TlsSettings tls) {
    if (!tls.enabled()) {
      return options;
    }
    options
        .setSsl(true)
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .setCertPath(tls.certificate().toString())
                .setKeyPath(tls.privateKey().toString()))
        .setEnabledSecureTransportProtocols(Set.of(TLS_1_3));
    if (tls.requestsClientCertificates()) {
      options
          .setClientAuth(ClientAuth.REQUEST)
          .setTrustOptions(new PemTrustOptions().addCertPath(tls.clientCa().toString()));
    }
    return options;
  }
}
