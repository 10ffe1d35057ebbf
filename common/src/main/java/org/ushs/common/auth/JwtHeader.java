package org.ushs.common.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The protected header of a compact JWS, read before any key is chosen: {@code alg} and {@code
 * kid}. A token that is not three base64url parts, whose header or payload is not a JSON object,
 * whose signature is empty, or that names critical extensions is refused as garbage. Pure.
 */
public record JwtHeader(String algorithm, String kid) {

  /** Longer tokens are refused unread. */
  static final int MAX_TOKEN_CHARS = 16 * 1024;

  private static final Pattern COMPACT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  /** Reads the header of {@code token}; throws {@link AuthFailure} (INVALID). */
  public static JwtHeader parse(String token) {
    if (token.length() > MAX_TOKEN_CHARS || !COMPACT.matcher(token).matches()) {
      throw AuthFailure.invalid("invalid token");
    }
    int first = token.indexOf('.');
    JsonObject header = object(token.substring(0, first));
    object(token.substring(first + 1, token.indexOf('.', first + 1)));
    if (header.containsKey("crit")) {
      throw AuthFailure.invalid("invalid token: critical header extensions are not supported");
    }
    if (!(header.getValue("alg") instanceof String alg)) {
      throw AuthFailure.invalid("invalid token: alg required");
    }
    Object kid = header.getValue("kid");
    if (kid != null && !(kid instanceof String)) {
      throw AuthFailure.invalid("invalid token: kid must be a string");
    }
    return new JwtHeader(alg, (String) kid);
  }

  private static JsonObject object(String part) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(part);
      return new JsonObject(new String(json, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw AuthFailure.invalid("invalid token");
    }
  }

  /** The algorithm, fit for a log line: short and alphanumeric, or {@code ?}. */
  public String printableAlgorithm() {
    return algorithm.matches("[A-Za-z0-9]{1,16}") ? algorithm : "?";
  }
}
