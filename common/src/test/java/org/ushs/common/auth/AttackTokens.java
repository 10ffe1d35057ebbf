package org.ushs.common.auth;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

/**
 * The tokens of the attack matrix, and valid ones, for a verifier configured with {@code secret}
 * (HS256), {@code rsa} as JWKS key {@code rsa-1} and {@code ec} as {@code ec-1}, issuer and
 * audience. Used against the authenticator alone and against a real node.
 */
public final class AttackTokens {

  private final String secret;
  private final KeyPair rsa;
  private final KeyPair ec;
  private final KeyPair otherRsa = TestKeys.rsa(2048);
  private final String issuer;
  private final String audience;

  public AttackTokens(String secret, KeyPair rsa, KeyPair ec, String issuer, String audience) {
    this.secret = secret;
    this.rsa = rsa;
    this.ec = ec;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** Valid claims for {@code subject}, ten minutes to live. */
  public JsonObject claims(String subject) {
    return TestJwts.claims(subject, 600).put("iss", issuer).put("aud", audience);
  }

  /** A valid HS256 token with {@code claims}. */
  public String hs256(JsonObject claims) {
    return TestJwts.hs256(secret, TestJwts.header("HS256", null), claims);
  }

  /**
   * The token called {@code name}: {@code hs256}, {@code rs256}, {@code rs256 no kid}, {@code
   * es256} (valid, subject alice), or one of the attacks (subject mallory).
   */
  public String token(String name) {
    JsonObject claims = claims("mallory");
    byte[] rsaPem = TestKeys.publicPem(rsa).getBytes(StandardCharsets.US_ASCII);
    return switch (name) {
      case "hs256" -> hs256(claims("alice"));
      case "rs256" -> TestJwts.signed(rsa.getPrivate(), header("RS256", "rsa-1"), claims("alice"));
      case "rs256 no kid" ->
          TestJwts.signed(rsa.getPrivate(), header("RS256", null), claims("alice"));
      case "es256" -> TestJwts.signed(ec.getPrivate(), header("ES256", "ec-1"), claims("alice"));
      case "garbage" -> "garbage.token.here";
      case "bad signature" ->
          TestJwts.signed(otherRsa.getPrivate(), header("RS256", "rsa-1"), claims);
      case "wrong secret" -> TestJwts.hs256(secret + "x", header("HS256", null), claims);
      case "tampered payload" -> tamper(token("rs256"));
      case "expired" -> hs256(claims.put("exp", now() - 60));
      case "no exp" -> hs256(without(claims, "exp"));
      case "not yet valid" -> hs256(claims.put("nbf", now() + 60));
      case "wrong iss" -> hs256(claims.put("iss", "https://evil.test"));
      case "no iss" -> hs256(without(claims, "iss"));
      case "wrong aud" -> hs256(claims.put("aud", "other"));
      case "alg none" -> TestJwts.unsigned(claims);
      case "alg none signed" -> TestJwts.hs256(secret, header("none", null), claims);
      case "hs256 with rsa public key, kid" ->
          TestJwts.hs256(rsaPem, header("HS256", "rsa-1"), claims);
      case "hs256 with rsa public key" -> TestJwts.hs256(rsaPem, header("HS256", null), claims);
      case "unknown kid" -> TestJwts.signed(rsa.getPrivate(), header("RS256", "rsa-9"), claims);
      case "es256 under rsa kid" ->
          TestJwts.signed(ec.getPrivate(), header("ES256", "rsa-1"), claims);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static JsonObject header(String alg, String kid) {
    return TestJwts.header(alg, kid);
  }

  private static JsonObject without(JsonObject claims, String name) {
    claims.remove(name);
    return claims;
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** The token with its payload changed (publish granted) and its signature kept. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.", -1);
    JsonObject claims =
        new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("ushs", new JsonObject().put("publish", true));
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }
}
