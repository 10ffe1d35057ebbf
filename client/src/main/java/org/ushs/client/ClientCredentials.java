package org.ushs.client;

/**
 * How the client proves who it is (to the gateway and to the publish API). A TLS client certificate
 * is configured with {@link ClientOptions.Builder#tls}; it may be combined with {@link None} or
 * with a token. {@code toString} never shows a secret.
 */
public sealed interface ClientCredentials {

  /** {@code Authorization: Bearer <jwt>}. */
  record Bearer(String token) implements ClientCredentials {
    @Override
    public String toString() {
      return "Bearer[redacted]";
    }
  }

  /** {@code ?apikey=<key>}. */
  record ApiKey(String key) implements ClientCredentials {
    @Override
    public String toString() {
      return "ApiKey[redacted]";
    }
  }

  /** {@code ?access_token=<jwt>}, as browsers send it. */
  record AccessToken(String token) implements ClientCredentials {
    @Override
    public String toString() {
      return "AccessToken[redacted]";
    }
  }

  /** Nothing besides the TLS client certificate, if any. */
  record None() implements ClientCredentials {}

  /** The same kind of credentials with a refreshed token; API keys and none stay as they are. */
  default ClientCredentials withToken(String token) {
    if (this instanceof Bearer) {
      return new Bearer(token);
    }
    if (this instanceof AccessToken) {
      return new AccessToken(token);
    }
    return this;
  }
}
