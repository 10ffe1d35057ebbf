package org.ushs.common.auth;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the credentials an HTTP request carries in its headers: {@code Authorization: Bearer}
 * first, then {@code X-API-Key}. An {@code Authorization} header of another scheme is a bad
 * credential, not a missing one.
 */
public final class CredentialSources {

  public static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "bearer ";

  private CredentialSources() {}

  /** The bearer token of an {@code Authorization} header, if any. */
  public static Optional<Credentials> bearer(MultiMap headers) {
    String header = headers.get("Authorization");
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw AuthFailure.invalid("unsupported Authorization scheme: use Bearer");
    }
    String token = header.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(new Credentials.BearerToken(token));
  }

  /** The key of an {@code X-API-Key} header, if any. */
  public static Optional<Credentials> apiKeyHeader(MultiMap headers) {
    String key = headers.get(API_KEY_HEADER);
    return key == null || key.isBlank()
        ? Optional.empty()
        : Optional.of(new Credentials.ApiKey(key.trim()));
  }

  /**
   * The credentials of a request's headers, bearer first.
   *
   * @throws AuthFailure for an {@code Authorization} header that is not Bearer
   */
  public static Optional<Credentials> headers(MultiMap headers) {
    return bearer(headers).or(() -> apiKeyHeader(headers));
  }
}
