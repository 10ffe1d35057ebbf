package org.ushs.common.auth;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key that verifies JWT signatures, pinned to one algorithm ({@code RS256} or {@code
 * ES256}): a token naming another algorithm is never checked against it. {@code kid} is the key id
 * of a JWKS entry, or null (PEM keys have none).
 */
public record JwtKey(String kid, String algorithm, PublicKey key) implements JwtKeyChoice.Pinned {

  public JwtKey {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
  }

  /** The key as a PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo). */
  public String pem() {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  @Override
  public String toString() {
    return "JwtKey[kid=" + kid + ", algorithm=" + algorithm + "]";
  }
}
