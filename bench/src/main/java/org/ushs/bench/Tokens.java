package org.ushs.bench;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JWTs as the gateway expects them (see common/auth JwtAuthenticator): {@code exp} set, the
 * permissions in the {@code ushs} claim. Minted here so that the generator needs no server code.
 */
final class Tokens {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  /** A subscriber's token: every event type, no publish. */
  static String subscriber(String secret, long nowSeconds) {
    return mint(secret, "bench-subscriber", new JsonObject().put("publish", false), nowSeconds);
  }

  /** A publisher's token: {@code {"publish":true}}. */
  static String publisher(String secret, long nowSeconds) {
    return mint(secret, "bench-publisher", new JsonObject().put("publish", true), nowSeconds);
  }

  /** A token for {@code subject} with the {@code ushs} claim {@code permissions}, valid 12 h. */
  static String mint(String secret, String subject, JsonObject permissions, long nowSeconds) {
    JsonObject header = new JsonObject().put("alg", "HS256").put("typ", "JWT");
    JsonObject claims =
        new JsonObject()
            .put("sub", subject)
            .put("iat", nowSeconds)
            .put("exp", nowSeconds + 12 * 3600)
            .put("ushs", permissions);
    String signed = encode(header) + "." + encode(claims);
    return signed + "." + URL.encodeToString(hmac(secret, signed));
  }

  private static String encode(JsonObject json) {
    return URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
