package org.ushs.common.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The claim checks of a token whose signature is verified: {@code exp} required and not passed,
 * {@code nbf} and {@code iat} not in the future, {@code iss} and {@code aud} as the policy asks,
 * each with the policy's leeway; then the principal from {@code sub} (required unless the policy
 * says otherwise) and the {@code ushs} claim. Failures are {@link AuthFailure} (INVALID) naming the
 * subject. Pure.
 */
public final class JwtClaims {

  private JwtClaims() {}

  public static Principal check(JsonObject claims, JwtPolicy policy, Instant now) {
    String subject = subject(claims, policy);
    long leeway = policy.leeway().toSeconds();
    long seconds = now.getEpochSecond();
    Long exp = seconds(claims, "exp", subject);
    if (exp == null) {
      throw failure("invalid token: exp required", subject);
    }
    if (seconds - leeway >= exp) {
      throw failure("token expired", subject);
    }
    Long nbf = seconds(claims, "nbf", subject);
    if (nbf != null && nbf > seconds + leeway) {
      throw failure("invalid token: not yet valid", subject);
    }
    Long iat = seconds(claims, "iat", subject);
    if (iat != null && iat > seconds + leeway) {
      throw failure("invalid token: issued in the future", subject);
    }
    if (policy.issuer() != null && !policy.issuer().equals(claims.getValue("iss"))) {
      throw failure("invalid token: wrong issuer", subject);
    }
    if (policy.audience() != null && !audienceHolds(claims.getValue("aud"), policy.audience())) {
      throw failure("invalid token: wrong audience", subject);
    }
    return new Principal(subject, permissions(claims, subject), Instant.ofEpochSecond(exp));
  }

  /** The token's identity: its {@code sub}, or {@code "jwt"} where the policy lets it lack one. */
  private static String subject(JsonObject claims, JwtPolicy policy) {
    if (claims.getValue("sub") instanceof String sub && !sub.isBlank()) {
      return sub;
    }
    if (policy.requireSub()) {
      throw failure("invalid token: sub must be a non-empty string", null);
    }
    return "jwt";
  }

  private static Long seconds(JsonObject claims, String name, String subject) {
    Object value = claims.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)) {
      throw failure("invalid token: " + name + " must be a number", subject);
    }
    return number.longValue();
  }

  private static boolean audienceHolds(Object aud, String expected) {
    if (aud instanceof String single) {
      return single.equals(expected);
    }
    return aud instanceof JsonArray list && list.contains(expected);
  }

  private static Permissions permissions(JsonObject claims, String subject) {
    Object ushs = claims.getValue("ushs");
    if (ushs != null && !(ushs instanceof JsonObject)) {
      throw failure("invalid token: ushs claim must be an object", subject);
    }
    try {
      return Permissions.fromJson((JsonObject) ushs);
    } catch (IllegalArgumentException e) {
      throw failure("invalid token: ushs claim " + e.getMessage(), subject);
    }
  }

  private static AuthFailure failure(String message, String subject) {
    return new AuthFailure(AuthFailure.Kind.INVALID, message, subject);
  }
}
