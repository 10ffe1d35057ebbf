package org.ushs.common.auth;

import java.security.cert.X509Certificate;
import java.util.List;

/** What a client presented to prove who it is. */
public sealed interface Credentials {

  /** A JWT, from a bearer header, an access_token parameter or a subprotocol. */
  record BearerToken(String token) implements Credentials {

    @Override
    public String toString() {
      return "BearerToken[redacted]";
    }
  }

  /** An API key in clear, as the client holds it. */
  record ApiKey(String key) implements Credentials {

    @Override
    public String toString() {
      return "ApiKey[redacted]";
    }
  }

  /**
   * A TLS client certificate chain, leaf first, as the TLS layer received it. The chain is checked
   * again against the configured client CA before the certificate's SAN is looked up.
   */
  record ClientCertificate(List<X509Certificate> chain) implements Credentials {

    public ClientCertificate {
      chain = List.copyOf(chain);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("empty certificate chain");
      }
    }

    public X509Certificate leaf() {
      return chain.get(0);
    }
  }
}
