package org.ushs.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JWTs as the gateway accepts them: {@code sub}, {@code iat}, {@code exp} and the {@code
 * ushs} permissions claim, signed with the shared secret's UTF-8 bytes. Pure.
 */
final class DevToken {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

  private DevToken() {}

  /**
   * A token for {@code subject} valid from {@code now} for {@code ttl}; null lists mean all types
   * or all services.
   */
  static String mint(
      String secret,
      String subject,
      List<String> eventTypes,
      List<String> services,
      boolean publish,
      Instant now,
      Duration ttl) {
    JsonObject permissions = new JsonObject().put("publish", publish);
    if (eventTypes != null) {
      permissions.put("eventTypes", new JsonArray(eventTypes));
    }
    if (services != null) {
      permissions.put("services", new JsonArray(services));
    }
    JsonObject claims =
        new JsonObject()
            .put("sub", subject)
            .put("iat", now.getEpochSecond())
            .put("exp", now.plus(ttl).getEpochSecond())
            .put("ushs", permissions);
    String input = encode(HEADER) + "." + encode(claims.encode());
    return input + "." + sign(input, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The base64url HMAC-SHA256 of {@code signingInput}. */
  static String sign(String signingInput, byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
