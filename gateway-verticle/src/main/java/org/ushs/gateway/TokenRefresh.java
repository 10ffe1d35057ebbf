package org.ushs.gateway;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.Credentials;
import org.ushs.common.auth.Principal;
import org.ushs.common.net.LogText;

/**
 * The {@code refresh} command's check: the connection was opened with a token (API key and
 * certificate connections do not expire), and the new token is valid and names the same identity. A
 * refused refresh is logged once, without the token.
 */
final class TokenRefresh {

  private static final Logger LOG = Logger.getLogger(TokenRefresh.class.getName());

  private TokenRefresh() {}

  static Future<Principal> verify(
      Authenticator authenticator, Principal current, String token, SocketAddress remote) {
    Future<Principal> checked;
    if (current.expiresAt() == null) {
      checked = Future.failedFuture(AuthFailure.invalid("refresh is only for token connections"));
    } else {
      checked =
          authenticator
              .authenticate(new Credentials.BearerToken(token))
              .compose(
                  fresh ->
                      fresh.id().equals(current.id())
                          ? Future.succeededFuture(fresh)
                          : Future.failedFuture(
                              AuthFailure.invalid("refresh token is for another identity")));
    }
    return checked.onFailure(
        failure ->
            LOG.log(
                Level.INFO,
                "refused refresh from {0} for {1}: {2}",
                new Object[] {remote, LogText.safe(current.id()), reason(failure)}));
  }

  /** What to tell the client and the log: the failure's own safe message, or a generic one. */
  static String reason(Throwable failure) {
    return failure instanceof AuthFailure auth ? auth.getMessage() : "invalid token";
  }
}
