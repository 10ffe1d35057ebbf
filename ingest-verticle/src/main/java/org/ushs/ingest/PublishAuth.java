package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.Optional;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.CredentialSources;
import org.ushs.common.auth.Credentials;
import org.ushs.common.auth.Permissions;

/**
 * Who may publish, and what. HTTP publishes need credentials ({@code Authorization: Bearer} or
 * {@code X-API-Key}) with the publish permission. Event-bus publishes may carry the same as message
 * headers, checked the same way; one without any is trusted with every permission (the cluster
 * network is the trust boundary) unless the node requires credentials on the bus, when it is
 * refused 401. Thread-safe.
 */
final class PublishAuth {

  /** What a bus publish without credentials may publish on a node that trusts the bus. */
  static final Permissions TRUSTED_BUS = new Permissions(null, null, true);

  private final Authenticator authenticator;
  private final boolean busRequiresCredentials;

  PublishAuth(Authenticator authenticator, boolean busRequiresCredentials) {
    this.authenticator = authenticator;
    this.busRequiresCredentials = busRequiresCredentials;
  }

  /** The publisher's permissions; fails with {@link AuthFailure} (401 or 403). */
  Future<Permissions> http(MultiMap headers) {
    return Future.succeededFuture(headers)
        .map(CredentialSources::headers)
        .compose(found -> publisher(found, "credentials required"));
  }

  /** The same for a bus message's headers. */
  Future<Permissions> bus(MultiMap headers) {
    return Future.succeededFuture(headers)
        .map(CredentialSources::headers)
        .compose(
            found ->
                found.isEmpty() && !busRequiresCredentials
                    ? Future.succeededFuture(TRUSTED_BUS)
                    : publisher(found, "credentials required on the event bus"));
  }

  private Future<Permissions> publisher(Optional<Credentials> found, String whenMissing) {
    return authenticator
        .authenticate(found, whenMissing)
        .compose(
            principal ->
                principal.permissions().publish()
                    ? Future.succeededFuture(principal.permissions())
                    : Future.failedFuture(
                        new AuthFailure(
                            AuthFailure.Kind.FORBIDDEN, "publish not permitted", principal.id())));
  }
}
