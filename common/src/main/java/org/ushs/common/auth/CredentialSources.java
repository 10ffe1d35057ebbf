package org.ushs.common.auth;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Optional;

/** Finds the credentials a request carries: {@code Authorization: Bearer} header first. */
public final class CredentialSources {

  private static final String BEARER = "bearer ";

  private CredentialSources() {}

  /** The bearer token of an {@code Authorization} header, if any. */
  public static Optional<Credentials> bearer(MultiMap headers) {
    String header = headers.get("Authorization");
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String token = header.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(new Credentials.BearerToken(token));
  }
}
