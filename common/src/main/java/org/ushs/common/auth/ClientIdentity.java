package org.ushs.common.auth;

import java.util.Objects;

/**
 * A TLS client identity: a certificate carrying the subject alternative name {@code san} (exactly
 * this value: a DNS name, a URI such as {@code spiffe://...}, an e-mail address or an IP address)
 * is the principal {@code id} with {@code permissions}.
 */
public record ClientIdentity(String san, String id, Permissions permissions) {

  public ClientIdentity {
    Objects.requireNonNull(san, "san");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(permissions, "permissions");
  }
}
