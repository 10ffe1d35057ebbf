package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static Principal expiringAt(Instant exp) {
    return new Principal("svc", new Permissions(Set.of(), Set.of(), true), exp);
  }

  @Test
  void aRememberedTokenGivesItsPrincipalUntilItExpiresLessTheLeeway() {
    VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofSeconds(30));
    Principal principal = expiringAt(NOW.plusSeconds(60));
    tokens.remember("t", principal);

    assertSame(principal, tokens.known("t", NOW));
    assertSame(principal, tokens.known("t", NOW.plusSeconds(89)));
    assertNull(tokens.known("t", NOW.plusSeconds(90)));
    assertEquals(0, tokens.size(), "an expired token is forgotten");
  }

  @Test
  void anUnknownTokenIsNotKnown() {
    VerifiedTokens tokens = new VerifiedTokens(10, Duration.ZERO);
    tokens.remember("t", expiringAt(NOW.plusSeconds(60)));
    assertNull(tokens.known("t2", NOW));
  }

  @Test
  void itNeverHoldsMoreThanItsCapacityNorOverlongTokens() {
    VerifiedTokens tokens = new VerifiedTokens(3, Duration.ZERO);
    for (int i = 0; i < 100; i++) {
      tokens.remember("t" + i, expiringAt(NOW.plusSeconds(60)));
    }
    assertEquals(1, tokens.size(), "full at 3, started afresh, then 1 of the last round");
    tokens.remember(
        "x".repeat(VerifiedTokens.MAX_TOKEN_CHARS + 1), expiringAt(NOW.plusSeconds(60)));
    assertEquals(1, tokens.size());
  }
}
