package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link JwtHeader} and {@link JwtKeyChoice}: garbage, algorithms, key ids, pinning. */
class JwtKeyChoiceTest {

  private record Key(String kid, String algorithm) implements JwtKeyChoice.Pinned {
    @Override
    public String toString() {
      return (kid == null ? "-" : kid) + "/" + algorithm;
    }
  }

  /** The HS256 secret (no kid), a PEM RSA key (no kid), and a JWKS with rsa-1 and ec-1. */
  private static final List<Key> KEYS =
      List.of(
          new Key(null, "HS256"),
          new Key(null, "RS256"),
          new Key("rsa-1", "RS256"),
          new Key("ec-1", "ES256"));

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static String token(String header) {
    return b64(header) + "." + b64("{'sub':'a'}") + ".c2ln";
  }

  /** Columns: the header, and the keys tried or the refusal. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {'alg':'HS256'}                    | -/HS256
          {'alg':'RS256'}                    | -/RS256 rsa-1/RS256
          {'alg':'ES256'}                    | ec-1/ES256
          {'alg':'RS256','kid':'rsa-1'}      | rsa-1/RS256
          {'alg':'ES256','kid':'ec-1'}       | ec-1/ES256
          {'alg':'none'}                     | invalid token: algorithm none not accepted
          {'alg':'NONE'}                     | invalid token: algorithm NONE not accepted
          {'alg':'HS512'}                    | invalid token: algorithm HS512 not accepted
          {'alg':'PS256'}                    | invalid token: algorithm PS256 not accepted
          {'alg':'RS256\\n2024 forged line'} | invalid token: algorithm ? not accepted
          {'alg':'HS256','kid':'rsa-1'}      | invalid token: algorithm does not match the key
          {'alg':'RS256','kid':'ec-1'}       | invalid token: algorithm does not match the key
          {'alg':'RS256','kid':'nobody'}     | invalid token: unknown key id
          {'alg':'HS256','kid':'nobody'}     | invalid token: unknown key id
          {'alg':'RS256','kid':7}            | invalid token: kid must be a string
          {'kid':'rsa-1'}                    | invalid token: alg required
          {'alg':'RS256','crit':['exp']}     | invalid token: critical header extensions are not supported
          """)
  void keysAreChosenFromTheHeader(String header, String expected) {
    String token = token(header);
    if (expected.startsWith("invalid")) {
      AuthFailure failure =
          assertThrows(AuthFailure.class, () -> JwtKeyChoice.choose(JwtHeader.parse(token), KEYS));
      assertEquals(expected, failure.getMessage());
    } else {
      List<Key> chosen = JwtKeyChoice.choose(JwtHeader.parse(token), KEYS);
      assertEquals(
          Arrays.asList(expected.split(" ", -1)), chosen.stream().map(Key::toString).toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          garbage.token.here
          not-a-token
          a.b
          a.b.c.d
          e30.e30.
          e30..c2ln
          W10.e30.c2ln
          e30.W10.c2ln
          e30.bm90IGpzb24.c2ln
          e30.e30.c2ln!
          e30 .e30.c2ln
          """)
  void garbageIsRefusedBeforeAnyKey(String token) {
    AuthFailure failure = assertThrows(AuthFailure.class, () -> JwtHeader.parse(token));
    assertEquals("invalid token", failure.getMessage());
  }

  @org.junit.jupiter.api.Test
  void overlongTokensAreRefusedUnread() {
    String big = b64("{'alg':'HS256','pad':'" + "x".repeat(JwtHeader.MAX_TOKEN_CHARS) + "'}");
    assertThrows(AuthFailure.class, () -> JwtHeader.parse(big + ".e30.c2ln"));
    assertEquals(
        new JwtHeader("HS256", null),
        JwtHeader.parse(token(new JsonObject().put("alg", "HS256").encode())));
  }
}
