package org.ushs.common.auth;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hand-made JWTs for tests, with full control of header and claims, so that attacks can be built:
 * {@code alg:none}, an HS256 token signed with an RSA public key as its secret, unknown key ids.
 */
public final class TestJwts {

  private TestJwts() {}

  /** Claims with {@code sub} and {@code exp} in {@code expiresInSeconds} (negative: past). */
  public static JsonObject claims(String subject, long expiresInSeconds) {
    return new JsonObject()
        .put("sub", subject)
        .put("exp", Instant.now().getEpochSecond() + expiresInSeconds);
  }

  public static JsonObject header(String alg, String kid) {
    JsonObject header = new JsonObject().put("alg", alg).put("typ", "JWT");
    return kid == null ? header : header.put("kid", kid);
  }

  /** HS256 over {@code secret}'s bytes. */
  public static String hs256(byte[] secret, JsonObject header, JsonObject claims) {
    String input = input(header, claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hs256(String secret, JsonObject header, JsonObject claims) {
    return hs256(secret.getBytes(StandardCharsets.UTF_8), header, claims);
  }

  /** RS256 or ES256 (raw R||S, as JWS wants) with {@code key}, per the header's alg. */
  public static String signed(PrivateKey key, JsonObject header, JsonObject claims) {
    String input = input(header, claims);
    String algorithm =
        header.getString("alg").equals("ES256") ? "SHA256withECDSAinP1363Format" : "SHA256withRSA";
    try {
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token: {@code alg:none}, empty signature. */
  public static String unsigned(JsonObject claims) {
    return input(new JsonObject().put("alg", "none"), claims) + ".";
  }

  private static String input(JsonObject header, JsonObject claims) {
    return b64(header.encode().getBytes(StandardCharsets.UTF_8))
        + "."
        + b64(claims.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
