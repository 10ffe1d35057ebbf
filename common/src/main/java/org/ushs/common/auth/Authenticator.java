package org.ushs.common.auth;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Turns credentials into a {@link Principal}. Fails with {@link AuthFailure} of kind INVALID for
 * bad, expired or unknown credentials. Thread-safe.
 */
public interface Authenticator {

  Future<Principal> authenticate(Credentials credentials);

  /**
   * The principal of {@code found}; when a request carried no credentials at all, fails with an
   * {@link AuthFailure} of kind MISSING and {@code whenMissing} as its message.
   */
  default Future<Principal> authenticate(Optional<Credentials> found, String whenMissing) {
    return found
        .map(this::authenticate)
        .orElseGet(
            () -> Future.failedFuture(new AuthFailure(AuthFailure.Kind.MISSING, whenMissing)));
  }
}
