package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.auth.Credentials;
import org.ushs.common.auth.JwtAuthenticator;
import org.ushs.common.auth.Principal;

/** The tokens the generator mints are the ones the server's authenticator accepts. */
class TokensTest {

  private static final String SECRET = "bench-secret-0123456789abcdef0123456789";
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @ParameterizedTest(name = "publisher {0}")
  @CsvSource({"true", "false"})
  void acceptedWithTheirPublishPermission(boolean publisher) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String token = publisher ? Tokens.publisher(SECRET, now) : Tokens.subscriber(SECRET, now);

    Principal principal = authenticate(SECRET, token);

    assertEquals(publisher, principal.permissions().publish());
    assertEquals(null, principal.permissions().eventTypes());
    assertEquals(now + 12 * 3600, principal.expiresAt().getEpochSecond());
  }

  @ParameterizedTest(name = "publisher {0}")
  @CsvSource({"true", "false"})
  void refusedWithAnotherSecret(boolean publisher) {
    long now = System.currentTimeMillis() / 1000;
    String token = publisher ? Tokens.publisher(SECRET, now) : Tokens.subscriber(SECRET, now);

    assertThrows(ExecutionException.class, () -> authenticate(SECRET + "-other", token));
  }

  private static Principal authenticate(String secret, String token) throws Exception {
    return new JwtAuthenticator(vertx, secret)
        .authenticate(new Credentials.BearerToken(token))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }
}
