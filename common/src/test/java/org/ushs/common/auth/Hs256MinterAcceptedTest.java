package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ushs.protocol.Hs256;

/** Tokens of the shared minter ({@link Hs256}: dev tokens, the CLI) pass the server's check. */
class Hs256MinterAcceptedTest {

  @Test
  void theServerAcceptsWhatTheSharedMinterMints() throws Exception {
    String secret = "k".repeat(32);
    Vertx vertx = Vertx.vertx();
    try {
      String token =
          Hs256.mint(
              secret, "dev", List.of("error"), null, true, Instant.now(), Duration.ofMinutes(5));
      Principal principal =
          new JwtAuthenticator(vertx, secret)
              .authenticate(new Credentials.BearerToken(token))
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      assertEquals("dev", principal.id());
      assertTrue(principal.permissions().publish());
      assertEquals(
          Set.of(org.ushs.common.event.Category.ERROR), principal.permissions().eventTypes());
    } finally {
      vertx.close();
    }
  }
}
