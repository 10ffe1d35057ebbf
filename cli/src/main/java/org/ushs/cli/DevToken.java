package org.ushs.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ushs.protocol.Hs256;

/**
 * HS256 JWTs as the gateway accepts them, minted by the shared {@link Hs256} (protocol module):
 * {@code sub}, {@code iat}, {@code exp} and the {@code ushs} permissions claim, signed with the
 * shared secret's UTF-8 bytes. Pure.
 */
final class DevToken {

  private DevToken() {}

  /**
   * A token for {@code subject} valid from {@code now} for {@code ttl}; null lists mean all types
   * or all services.
   */
  static String mint(
      String secret,
      String subject,
      List<String> eventTypes,
      List<String> services,
      boolean publish,
      Instant now,
      Duration ttl) {
    return Hs256.mint(secret, subject, eventTypes, services, publish, now, ttl);
  }

  /** The base64url HMAC-SHA256 of {@code signingInput}. */
  static String sign(String signingInput, byte[] key) {
    return Hs256.sign(signingInput, key);
  }
}
