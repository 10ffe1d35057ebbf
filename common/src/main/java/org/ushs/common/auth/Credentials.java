package org.ushs.common.auth;

/** What a client presented to prove who it is. */
public sealed interface Credentials {

  /** A JWT, from a bearer header, an access_token parameter or a subprotocol. */
  record BearerToken(String token) implements Credentials {}

  /** An API key in clear, as the client holds it. */
  record ApiKey(String key) implements Credentials {}
}
