package org.ushs.bench;

import java.time.Duration;
import java.time.Instant;
import org.ushs.protocol.Hs256;

/**
 * HS256 JWTs as the gateway expects them, minted by the shared {@link Hs256} (protocol module, no
 * server code): {@code exp} 12 h ahead, the permissions in the {@code ushs} claim.
 */
final class Tokens {

  private static final Duration TTL = Duration.ofHours(12);

  private Tokens() {}

  /** A subscriber's token: every event type, no publish. */
  static String subscriber(String secret, long nowSeconds) {
    return mint(secret, "bench-subscriber", false, nowSeconds);
  }

  /** A publisher's token: {@code {"publish":true}}. */
  static String publisher(String secret, long nowSeconds) {
    return mint(secret, "bench-publisher", true, nowSeconds);
  }

  private static String mint(String secret, String subject, boolean publish, long nowSeconds) {
    return Hs256.mint(secret, subject, null, null, publish, Instant.ofEpochSecond(nowSeconds), TTL);
  }
}
