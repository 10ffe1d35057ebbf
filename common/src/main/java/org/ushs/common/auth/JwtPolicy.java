package org.ushs.common.auth;

import java.time.Duration;

/**
 * The claim checks beyond the signature: the required {@code iss} and {@code aud} (null: not
 * checked) and the clock leeway allowed on {@code exp}, {@code nbf} and {@code iat}.
 */
public record JwtPolicy(String issuer, String audience, Duration leeway) {

  /** The leeway used unless another is given: small, for clock skew between hosts. */
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(5);

  /** No issuer or audience check, the default leeway. */
  public static final JwtPolicy LENIENT = new JwtPolicy(null, null, DEFAULT_LEEWAY);
}
