package org.ushs.common.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signature keys of a JWKS document (RFC 7517). Entries marked {@code "use":"enc"} are skipped;
 * every other entry must be an RSA or EC P-256 public key whose {@code alg}, when given, is the one
 * its type allows. Key ids must be unique. Pure; failures are {@link IllegalArgumentException}.
 */
final class Jwks {

  private Jwks() {}

  static List<JwtKey> parse(JsonObject document) {
    if (!(document.getValue("keys") instanceof JsonArray entries)) {
      throw new IllegalArgumentException("a JWKS document needs a \"keys\" array");
    }
    List<JwtKey> keys = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.getValue(i) instanceof JsonObject jwk)) {
        throw new IllegalArgumentException("keys[" + i + "] is not an object");
      }
      if ("enc".equals(jwk.getValue("use"))) {
        continue;
      }
      JwtKey key = entry(jwk, "keys[" + i + "]");
      if (key.kid() != null && !kids.add(key.kid())) {
        throw new IllegalArgumentException("keys[" + i + "]: duplicate kid " + key.kid());
      }
      keys.add(key);
    }
    return keys;
  }

  private static JwtKey entry(JsonObject jwk, String where) {
    if (jwk.containsKey("d") || jwk.containsKey("k")) {
      throw new IllegalArgumentException(where + ": holds private or secret key material");
    }
    Object kid = jwk.getValue("kid");
    if (kid != null && !(kid instanceof String)) {
      throw new IllegalArgumentException(where + ": kid must be a string");
    }
    JwtKey key;
    try {
      key = JwtKeyFile.pinned((String) kid, publicKey(jwk));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    Object alg = jwk.getValue("alg");
    if (alg != null && !alg.equals(key.algorithm())) {
      throw new IllegalArgumentException(
          where + ": alg " + alg + " does not fit the key (expected " + key.algorithm() + ")");
    }
    return key;
  }

  private static PublicKey publicKey(JsonObject jwk) {
    Object kty = jwk.getValue("kty");
    try {
      if ("RSA".equals(kty)) {
        return KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e")));
      }
      if ("EC".equals(kty)) {
        if (!"P-256".equals(jwk.getValue("crv"))) {
          throw new IllegalArgumentException("only the EC curve P-256 is accepted");
        }
        ECPoint point = new ECPoint(number(jwk, "x"), number(jwk, "y"));
        if (!P256.contains(point)) {
          throw new IllegalArgumentException("the point is not on P-256");
        }
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256.PARAMS));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid " + kty + " public key", e);
    }
    throw new IllegalArgumentException("kty must be RSA or EC");
  }

  private static BigInteger number(JsonObject jwk, String member) {
    if (!(jwk.getValue(member) instanceof String encoded) || encoded.isEmpty()) {
      throw new IllegalArgumentException(member + " required (base64url)");
    }
    try {
      return new BigInteger(1, Base64.getUrlDecoder().decode(encoded));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(member + " is not base64url", e);
    }
  }
}
