package org.ushs.common.auth;

import java.time.Duration;

/**
 * The claim checks beyond the signature: the required {@code iss} and {@code aud} (null: not
 * checked), the clock leeway allowed on {@code exp}, {@code nbf} and {@code iat}, and whether a
 * token must carry a non-blank string {@code sub} (its identity); when not required, tokens without
 * one share the identity {@code "jwt"}.
 */
public record JwtPolicy(String issuer, String audience, Duration leeway, boolean requireSub) {

  /** The leeway used unless another is given: small, for clock skew between hosts. */
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(5);

  /** No issuer or audience check, the default leeway, {@code sub} required. */
  public static final JwtPolicy LENIENT = new JwtPolicy(null, null, DEFAULT_LEEWAY);

  /** A policy that requires {@code sub}. */
  public JwtPolicy(String issuer, String audience, Duration leeway) {
    this(issuer, audience, leeway, true);
  }
}
