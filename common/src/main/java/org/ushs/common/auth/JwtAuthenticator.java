package org.ushs.common.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Instant;

/**
 * Verifies HS256 JWTs against a shared secret. {@code exp} is required; permissions come from the
 * {@code ushs} claim. Also mints tokens (dev mode, tests, the CLI).
 */
public final class JwtAuthenticator implements Authenticator {

  private static final int LEEWAY_SECONDS = 5;

  private final JWTAuth jwt;

  public JwtAuthenticator(Vertx vertx, String secret) {
    this.jwt =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
                .setJWTOptions(new JWTOptions().setLeeway(LEEWAY_SECONDS)));
  }

  @Override
  public Future<Principal> authenticate(Credentials credentials) {
    if (!(credentials instanceof Credentials.BearerToken bearer)) {
      return Future.failedFuture(
          new AuthFailure(AuthFailure.Kind.INVALID, "unsupported credentials"));
    }
    return jwt.authenticate(new TokenCredentials(bearer.token()))
        .recover(failure -> Future.failedFuture(invalid(failure)))
        .map(user -> toPrincipal(claimsOf(user)));
  }

  /** Vert.x keeps the decoded claims in the user's attributes, the raw token in its principal. */
  private static JsonObject claimsOf(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken");
    return claims != null ? claims : user.principal();
  }

  private static AuthFailure invalid(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return new AuthFailure(
        AuthFailure.Kind.INVALID, message.contains("expired") ? "token expired" : "invalid token");
  }

  private static Principal toPrincipal(JsonObject claims) {
    if (!(claims.getValue("exp") instanceof Number exp)) {
      throw new AuthFailure(AuthFailure.Kind.INVALID, "invalid token: exp required");
    }
    try {
      Object ushs = claims.getValue("ushs");
      Permissions permissions = Permissions.fromJson(ushs instanceof JsonObject o ? o : null);
      String subject = claims.getString("sub", "jwt");
      return new Principal(subject, permissions, Instant.ofEpochSecond(exp.longValue()));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new AuthFailure(
          AuthFailure.Kind.INVALID, "invalid token: ushs claim " + e.getMessage());
    }
  }

  /** A signed token for {@code subject} with {@code permissions}, valid for {@code minutes}. */
  public String mint(String subject, Permissions permissions, int minutes) {
    JsonObject claims = new JsonObject().put("sub", subject).put("ushs", permissions.toJson());
    return jwt.generateToken(
        claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(minutes));
  }
}
