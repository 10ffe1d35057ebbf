package org.ushs.common.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies JWTs: HS256 against a shared secret, RS256 and ES256 against public keys, each key
 * pinned to its algorithm and chosen by {@code kid} ({@link JwtKeyChoice}) before Vert.x Auth JWT
 * checks the signature with that key alone; then {@link JwtClaims} checks the claims. A token that
 * passed is remembered until it expires ({@link VerifiedTokens}). Also mints HS256 tokens (dev
 * mode, tests). Thread-safe.
 */
public final class JwtAuthenticator implements Authenticator {

  private record Verifier(String kid, String algorithm, JWTAuth jwt)
      implements JwtKeyChoice.Pinned {}

  /** Distinct tokens remembered as verified; publishers and services use a handful each. */
  static final int REMEMBERED_TOKENS = 1_000;

  private final List<Verifier> verifiers = new ArrayList<>();
  private final JwtPolicy policy;
  private final JWTAuth signer;
  private final VerifiedTokens verified;

  /** HS256 only, no issuer or audience check. */
  public JwtAuthenticator(Vertx vertx, String secret) {
    this(vertx, secret, List.of(), JwtPolicy.LENIENT);
  }

  /** {@code secret} (may be null) for HS256, and {@code publicKeys} for RS256 and ES256. */
  public JwtAuthenticator(Vertx vertx, String secret, List<JwtKey> publicKeys, JwtPolicy policy) {
    this.policy = policy;
    this.verified = new VerifiedTokens(REMEMBERED_TOKENS, policy.leeway());
    this.signer = secret == null ? null : provider(vertx, "HS256", secret, null);
    if (signer != null) {
      verifiers.add(new Verifier(null, "HS256", signer));
    }
    for (JwtKey key : publicKeys) {
      verifiers.add(
          new Verifier(
              key.kid(), key.algorithm(), provider(vertx, key.algorithm(), key.pem(), key.kid())));
    }
  }

  /** A provider holding exactly one key; claims are left to {@link JwtClaims}. */
  private static JWTAuth provider(Vertx vertx, String algorithm, String material, String kid) {
    PubSecKeyOptions key = new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(material);
    if (kid != null) {
      key.setId(kid);
    }
    return JWTAuth.create(
        vertx,
        new JWTAuthOptions()
            .addPubSecKey(key)
            .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
  }

  @Override
  public Future<Principal> authenticate(Credentials credentials) {
    if (!(credentials instanceof Credentials.BearerToken bearer)) {
      return Future.failedFuture(AuthFailure.invalid("unsupported credentials"));
    }
    Principal known = verified.known(bearer.token(), Instant.now());
    if (known != null) {
      return Future.succeededFuture(known);
    }
    List<Verifier> candidates;
    try {
      candidates = JwtKeyChoice.choose(JwtHeader.parse(bearer.token()), verifiers);
    } catch (AuthFailure e) {
      return Future.failedFuture(e);
    }
    return verify(bearer.token(), candidates, 0)
        .map(claims -> JwtClaims.check(claims, policy, Instant.now()))
        .map(principal -> verified.remember(bearer.token(), principal));
  }

  private static Future<JsonObject> verify(String token, List<Verifier> candidates, int index) {
    return candidates
        .get(index)
        .jwt()
        .authenticate(new TokenCredentials(token))
        .map(JwtAuthenticator::claimsOf)
        .recover(
            failure ->
                index + 1 < candidates.size()
                    ? verify(token, candidates, index + 1)
                    : Future.failedFuture(AuthFailure.invalid("invalid token: bad signature")));
  }

  /** Vert.x keeps the decoded claims in the user's attributes, the raw token in its principal. */
  private static JsonObject claimsOf(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken");
    return claims != null ? claims : user.principal();
  }

  /**
   * An HS256 token for {@code subject} with {@code permissions}, valid for {@code minutes}, with
   * the policy's issuer and audience.
   *
   * @throws IllegalStateException without a secret
   */
  public String mint(String subject, Permissions permissions, int minutes) {
    if (signer == null) {
      throw new IllegalStateException("no HS256 secret to sign with");
    }
    JsonObject claims = new JsonObject().put("sub", subject).put("ushs", permissions.toJson());
    if (policy.issuer() != null) {
      claims.put("iss", policy.issuer());
    }
    if (policy.audience() != null) {
      claims.put("aud", new JsonArray().add(policy.audience()));
    }
    return signer.generateToken(
        claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(minutes));
  }
}
