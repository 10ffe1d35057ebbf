package org.ushs.common.auth;

import io.vertx.core.Future;

/**
 * The one authenticator the node uses: it hands each kind of credentials to the authenticator for
 * that kind, and refuses (INVALID) a kind the node is not configured to accept. Thread-safe.
 */
public final class CompositeAuthenticator implements Authenticator {

  private final Authenticator tokens;
  private final Authenticator apiKeys;
  private final Authenticator certificates;

  /** Each argument may be null: that kind of credentials is then refused. */
  public CompositeAuthenticator(
      Authenticator tokens, Authenticator apiKeys, Authenticator certificates) {
    this.tokens = tokens != null ? tokens : refusing("bearer tokens are not accepted");
    this.apiKeys = apiKeys != null ? apiKeys : refusing("API keys are not accepted");
    this.certificates =
        certificates != null ? certificates : refusing("client certificates are not accepted");
  }

  private static Authenticator refusing(String why) {
    return credentials -> Future.failedFuture(AuthFailure.invalid(why));
  }

  @Override
  public Future<Principal> authenticate(Credentials credentials) {
    if (credentials instanceof Credentials.BearerToken) {
      return tokens.authenticate(credentials);
    }
    if (credentials instanceof Credentials.ApiKey) {
      return apiKeys.authenticate(credentials);
    }
    return certificates.authenticate(credentials);
  }
}
