package org.ushs.common.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the public keys of {@code USHS_JWT_PUBLIC_KEYS}: a JWKS document ({@code {"keys":[..]}}) or
 * a PEM file of one or more {@code PUBLIC KEY} (or {@code CERTIFICATE}) blocks. RSA keys (2048 bits
 * or more) verify RS256, EC P-256 keys ES256; anything else, and any private key, is refused with
 * an {@link IllegalArgumentException} that says why. Pure.
 */
public final class JwtKeyFile {

  static final int MIN_RSA_BITS = 2048;
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  private JwtKeyFile() {}

  /** The keys in {@code content}; never empty. */
  public static List<JwtKey> parse(String content) {
    String text = content.strip();
    List<JwtKey> keys;
    if (text.startsWith("{")) {
      try {
        keys = Jwks.parse(new JsonObject(text));
      } catch (DecodeException e) {
        throw new IllegalArgumentException("not valid JSON (expected a JWKS document)");
      }
    } else if (text.contains("-----BEGIN ")) {
      keys = pem(text);
    } else {
      throw new IllegalArgumentException("neither a JWKS document nor a PEM file");
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("holds no signature key");
    }
    return keys;
  }

  private static List<JwtKey> pem(String text) {
    List<JwtKey> keys = new ArrayList<>();
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      String type = block.group(1);
      byte[] der = Base64.getMimeDecoder().decode(block.group(2));
      if (type.contains("PRIVATE")) {
        throw new IllegalArgumentException("holds a private key: give only public keys");
      } else if (type.equals("PUBLIC KEY")) {
        keys.add(pinned(null, publicKey(der)));
      } else if (type.equals("CERTIFICATE")) {
        keys.add(pinned(null, certificateKey(der)));
      } else {
        throw new IllegalArgumentException("unsupported PEM block " + type);
      }
    }
    return keys;
  }

  private static PublicKey publicKey(byte[] der) {
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (InvalidKeySpecException e) {
        // not of this algorithm: try the next
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("a PUBLIC KEY is neither RSA nor EC");
  }

  private static PublicKey certificateKey(byte[] der) {
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der))
          .getPublicKey();
    } catch (CertificateException e) {
      throw new IllegalArgumentException("a CERTIFICATE block cannot be read");
    }
  }

  /** The key with the one algorithm it may verify; refuses weak or unsupported keys. */
  static JwtKey pinned(String kid, PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
        throw new IllegalArgumentException("RSA key shorter than " + MIN_RSA_BITS + " bits");
      }
      return new JwtKey(kid, "RS256", key);
    }
    if (key instanceof ECPublicKey ec && P256.is(ec.getParams())) {
      return new JwtKey(kid, "ES256", key);
    }
    throw new IllegalArgumentException("only RSA (RS256) and EC P-256 (ES256) keys are accepted");
  }
}
