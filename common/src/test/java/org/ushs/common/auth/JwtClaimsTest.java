package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.Category;

/** {@link JwtClaims}: each claim check, its leeway, and the failure it gives. */
class JwtClaimsTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  private static final JwtPolicy STRICT =
      new JwtPolicy("https://issuer.test", "ushs", Duration.ofSeconds(5));

  /** {@code T+n} is NOW plus n seconds; single quotes stand for double quotes. */
  private static JsonObject claims(String json) {
    String text = json.replace('\'', '"');
    for (int offset = -100; offset <= 100; offset++) {
      String mark = "\"T" + (offset >= 0 ? "+" : "") + offset + "\"";
      text = text.replace(mark, Long.toString(NOW.getEpochSecond() + offset));
    }
    return new JsonObject(text);
  }

  private static final String GOOD = "'sub':'alice','iss':'https://issuer.test','aud':'ushs'";

  /** Columns: the claims, and the message of the refusal ({@code ok}: accepted). */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {GOOD,'exp':'T+60'}                                  | ok
          {GOOD,'exp':'T-4'}                                   | ok
          {GOOD,'exp':'T-5'}                                   | token expired
          {GOOD,'exp':'T-60'}                                  | token expired
          {GOOD}                                               | invalid token: exp required
          {GOOD,'exp':'soon'}                                  | invalid token: exp must be a number
          {GOOD,'exp':'T+60','nbf':'T+5'}                      | ok
          {GOOD,'exp':'T+60','nbf':'T+6'}                      | invalid token: not yet valid
          {GOOD,'exp':'T+60','nbf':'now'}                      | invalid token: nbf must be a number
          {GOOD,'exp':'T+60','iat':'T+30'}                     | invalid token: issued in the future
          {GOOD,'exp':'T+60','iat':'T-30'}                     | ok
          {'sub':'a','aud':'ushs','exp':'T+60'}                | invalid token: wrong issuer
          {'sub':'a','iss':'https://evil.test','aud':'ushs','exp':'T+60'} | invalid token: wrong issuer
          {'sub':'a','iss':'https://issuer.test','exp':'T+60'} | invalid token: wrong audience
          {'sub':'a','iss':'https://issuer.test','aud':'other','exp':'T+60'} | invalid token: wrong audience
          {'sub':'a','iss':'https://issuer.test','aud':['x','ushs'],'exp':'T+60'} | ok
          {'sub':'a','iss':'https://issuer.test','aud':['x'],'exp':'T+60'} | invalid token: wrong audience
          {GOOD,'exp':'T+60','ushs':{'eventTypes':['gossip']}} | invalid token: ushs claim unknown event type gossip
          {GOOD,'exp':'T+60','ushs':'all'}                     | invalid token: ushs claim must be an object
          """)
  void claimChecks(String json, String expected) {
    JsonObject claims = claims(json.replace("GOOD", GOOD));
    if (expected.equals("ok")) {
      assertEquals(claims.getString("sub"), JwtClaims.check(claims, STRICT, NOW).id());
    } else {
      AuthFailure failure =
          assertThrows(AuthFailure.class, () -> JwtClaims.check(claims, STRICT, NOW));
      assertEquals(expected, failure.getMessage());
      assertEquals(AuthFailure.Kind.INVALID, failure.kind());
      assertEquals(claims.getString("sub"), failure.identity());
    }
  }

  @Test
  void withoutIssuerOrAudienceConfiguredThoseClaimsAreNotChecked() {
    JsonObject claims = claims("{'sub':'bob','exp':'T+60','iss':'anyone','aud':'anything'}");
    assertEquals("bob", JwtClaims.check(claims, JwtPolicy.LENIENT, NOW).id());
  }

  /** The identity is {@code sub}: a token without a non-blank string one is refused (4002/401). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {'exp':'T+60'}
          {'sub':42,'exp':'T+60'}
          {'sub':{'name':'x'},'exp':'T+60'}
          {'sub':'','exp':'T+60'}
          {'sub':'  ','exp':'T+60'}
          {'sub':null,'exp':'T+60'}
          """)
  void aTokenWithoutAStringSubIsRefused(String json) {
    JsonObject claims = claims(json);
    AuthFailure failure =
        assertThrows(AuthFailure.class, () -> JwtClaims.check(claims, JwtPolicy.LENIENT, NOW));
    assertEquals("invalid token: sub must be a non-empty string", failure.getMessage());
    assertEquals(AuthFailure.Kind.INVALID, failure.kind());
    JwtPolicy optional = new JwtPolicy(null, null, JwtPolicy.DEFAULT_LEEWAY, false);
    assertEquals("jwt", JwtClaims.check(claims, optional, NOW).id());
  }

  @Test
  void principalCarriesExpiryAndPermissions() {
    Principal principal =
        JwtClaims.check(
            claims("{" + GOOD + ",'exp':'T+60','ushs':{'eventTypes':['error'],'publish':true}}"),
            STRICT,
            NOW);
    assertEquals(NOW.plusSeconds(60), principal.expiresAt());
    assertEquals(new Permissions(EnumSet.of(Category.ERROR), null, true), principal.permissions());
  }
}
