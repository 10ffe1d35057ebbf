package org.ushs.common.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were checked, with the principal they gave, so a publisher
 * sending the same bearer token on every request pays the HMAC/RSA check and the JSON parse once
 * instead of on each request. A remembered token is used only until its {@code exp} (less the
 * leeway) passes. Bounded: at most {@code capacity} tokens of at most {@link #MAX_TOKEN_CHARS}
 * characters; when full it starts afresh, so a client cycling through tokens costs checks, never
 * memory. Thread-safe.
 */
final class VerifiedTokens {

  static final int MAX_TOKEN_CHARS = 4096;

  private final Map<String, Principal> byToken = new ConcurrentHashMap<>();
  private final int capacity;
  private final long leewaySeconds;

  VerifiedTokens(int capacity, Duration leeway) {
    this.capacity = capacity;
    this.leewaySeconds = leeway.toSeconds();
  }

  /** The principal {@code token} gave, or null if it is not remembered or has expired by now. */
  Principal known(String token, Instant now) {
    Principal principal = byToken.get(token);
    if (principal == null) {
      return null;
    }
    if (now.getEpochSecond() - leewaySeconds >= principal.expiresAt().getEpochSecond()) {
      byToken.remove(token);
      return null;
    }
    return principal;
  }

  /** Remembers that {@code token} was checked and gave {@code principal}; returns it. */
  Principal remember(String token, Principal principal) {
    if (token.length() <= MAX_TOKEN_CHARS) {
      if (byToken.size() >= capacity) {
        byToken.clear();
      }
      byToken.put(token, principal);
    }
    return principal;
  }

  int size() {
    return byToken.size();
  }
}
