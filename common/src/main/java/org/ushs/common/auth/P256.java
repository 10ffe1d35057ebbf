package org.ushs.common.auth;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/** The NIST P-256 curve (secp256r1), the one curve ES256 uses. */
final class P256 {

  static final ECParameterSpec PARAMS = load();

  private P256() {}

  private static ECParameterSpec load() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 is not available", e);
    }
  }

  /** Whether {@code params} are those of P-256 (not merely another 256-bit curve). */
  static boolean is(ECParameterSpec params) {
    return params.getOrder().equals(PARAMS.getOrder())
        && params.getCurve().equals(PARAMS.getCurve())
        && params.getGenerator().equals(PARAMS.getGenerator());
  }

  /** Whether {@code point} lies on P-256: y^2 = x^3 + ax + b (mod p). */
  static boolean contains(ECPoint point) {
    BigInteger p = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right =
        x.pow(3).add(PARAMS.getCurve().getA().multiply(x)).add(PARAMS.getCurve().getB()).mod(p);
    return y.pow(2).mod(p).equals(right);
  }
}
