package org.ushs.common.auth;

import io.vertx.core.Future;

/**
 * Turns credentials into a {@link Principal}. Fails with {@link AuthFailure} of kind INVALID for
 * bad, expired or unknown credentials. Thread-safe.
 */
public interface Authenticator {

  Future<Principal> authenticate(Credentials credentials);
}
