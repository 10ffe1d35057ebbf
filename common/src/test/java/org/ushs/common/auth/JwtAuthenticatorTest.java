package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link JwtAuthenticator} with real signatures: HS256, RS256 and ES256 accepted; every attack of
 * the matrix refused with its reason.
 */
class JwtAuthenticatorTest {

  static final String SECRET = "unit-test-secret-0123456789-0123456789";
  static final String ISSUER = "https://issuer.test";
  static final String AUDIENCE = "ushs";
  static final KeyPair RSA = TestKeys.rsa(2048);
  static final KeyPair EC = TestKeys.ec("secp256r1");

  private static Vertx vertx;
  private static JwtAuthenticator jwt;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    List<JwtKey> keys =
        JwtKeyFile.parse(
            TestKeys.jwks(TestKeys.jwk(RSA, "rsa-1"), TestKeys.jwk(EC, "ec-1")).encode());
    jwt =
        new JwtAuthenticator(
            vertx, SECRET, keys, new JwtPolicy(ISSUER, AUDIENCE, Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static final AttackTokens TOKENS = new AttackTokens(SECRET, RSA, EC, ISSUER, AUDIENCE);

  private static String token(String name) {
    return TOKENS.token(name);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"hs256", "rs256", "rs256 no kid", "es256"})
  void validTokensAreAccepted(String name) throws Exception {
    Principal principal = await(jwt.authenticate(new Credentials.BearerToken(token(name))));
    assertEquals("alice", principal.id());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          garbage                        | invalid token
          bad signature                  | invalid token: bad signature
          wrong secret                   | invalid token: bad signature
          tampered payload               | invalid token: bad signature
          expired                        | token expired
          no exp                         | invalid token: exp required
          not yet valid                  | invalid token: not yet valid
          wrong iss                      | invalid token: wrong issuer
          no iss                         | invalid token: wrong issuer
          wrong aud                      | invalid token: wrong audience
          alg none                       | invalid token
          alg none signed                | invalid token: algorithm none not accepted
          hs256 with rsa public key, kid | invalid token: algorithm does not match the key
          hs256 with rsa public key      | invalid token: bad signature
          unknown kid                    | invalid token: unknown key id
          es256 under rsa kid            | invalid token: algorithm does not match the key
          """)
  void attacksAreRefused(String name, String reason) {
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () -> await(jwt.authenticate(new Credentials.BearerToken(token(name)))));
    AuthFailure failure = assertInstanceOf(AuthFailure.class, e.getCause());
    assertEquals(reason, failure.getMessage());
    assertEquals(AuthFailure.Kind.INVALID, failure.kind());
  }

  @Test
  void withoutASecretHs256TokensFindNoKey() {
    JwtAuthenticator rsaOnly =
        new JwtAuthenticator(
            vertx, null, JwtKeyFile.parse(TestKeys.publicPem(RSA)), JwtPolicy.LENIENT);
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () ->
                await(
                    rsaOnly.authenticate(
                        new Credentials.BearerToken(token("hs256 with rsa public key")))));
    assertEquals("invalid token: no key for algorithm HS256", e.getCause().getMessage());
  }

  @Test
  void mintedTokensPassTheirOwnPolicy() throws Exception {
    String minted = jwt.mint("dev", new Permissions(null, null, true), 5);
    Principal principal = await(jwt.authenticate(new Credentials.BearerToken(minted)));
    assertEquals("dev", principal.id());
    assertEquals(true, principal.permissions().publish());
  }

  @Test
  void otherCredentialsAreNotTokens() {
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> await(jwt.authenticate(new Credentials.ApiKey("k"))));
    assertInstanceOf(AuthFailure.class, e.getCause());
  }
}
