package org.ushs.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints HS256 JWTs as the gateway accepts them: {@code sub}, {@code iat}, {@code exp} and the
 * {@code ushs} permissions claim ({@code publish}, and {@code eventTypes}/{@code services} unless
 * null, meaning all), signed with the shared secret's UTF-8 bytes. Pure and thread-safe.
 */
public final class Hs256 {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

  private Hs256() {}

  /** A token for {@code subject}, valid from {@code now} for {@code ttl}. */
  public static String mint(
      String secret,
      String subject,
      List<String> eventTypes,
      List<String> services,
      boolean publish,
      Instant now,
      Duration ttl) {
    StringBuilder permissions = new StringBuilder("{\"publish\":").append(publish);
    appendList(permissions, "eventTypes", eventTypes);
    appendList(permissions, "services", services);
    String claims =
        "{\"sub\":"
            + quote(subject)
            + ",\"iat\":"
            + now.getEpochSecond()
            + ",\"exp\":"
            + now.plus(ttl).getEpochSecond()
            + ",\"ushs\":"
            + permissions.append('}')
            + "}";
    String input = encode(HEADER) + "." + encode(claims);
    return input + "." + sign(input, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The base64url HMAC-SHA256 of {@code signingInput} with {@code key}. */
  public static String sign(String signingInput, byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static void appendList(StringBuilder json, String name, List<String> values) {
    if (values != null) {
      json.append(",\"").append(name).append("\":[");
      for (int i = 0; i < values.size(); i++) {
        json.append(i == 0 ? "" : ",").append(quote(values.get(i)));
      }
      json.append(']');
    }
  }

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
