package org.ushs.common.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The API keys file, {@code {"keys":[{"id":..,"sha256":..,"eventTypes":[..],"services":[..],
 * "publish":b}]}}: reading it (a key in clear, or anything that is not a 64-hex hash, is refused),
 * adding a key to it, and making and hashing keys. Pure but for the random source; failures are
 * {@link IllegalArgumentException} saying what is wrong.
 */
public final class ApiKeysFile {

  /** Generated keys start with this, so that secret scanners and people recognise them. */
  public static final String KEY_PREFIX = "ushs_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeysFile() {}

  public static List<ApiKeyEntry> parse(String content) {
    JsonArray keys = keysOf(content);
    List<ApiKeyEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!(keys.getValue(i) instanceof JsonObject entry)) {
        throw new IllegalArgumentException("keys[" + i + "] is not an object");
      }
      if (!(entry.getValue("id") instanceof String id) || id.isBlank()) {
        throw new IllegalArgumentException("keys[" + i + "]: id required (a non-empty string)");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException("keys[" + i + "]: duplicate id " + id);
      }
      Object sha256 = entry.getValue("sha256");
      try {
        entries.add(
            new ApiKeyEntry(
                id, sha256 instanceof String hex ? hex : null, Permissions.fromJson(entry)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("keys[" + i + "]: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private static JsonArray keysOf(String content) {
    try {
      if (new JsonObject(content).getValue("keys") instanceof JsonArray keys) {
        return keys;
      }
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    throw new IllegalArgumentException("needs a \"keys\" array");
  }

  /**
   * The file {@code content} (null or blank for a new file) with {@code entry} added.
   *
   * @throws IllegalArgumentException if the file is invalid or already has the id
   */
  public static String add(String content, ApiKeyEntry entry) {
    boolean fresh = content == null || content.isBlank();
    for (ApiKeyEntry existing : fresh ? List.<ApiKeyEntry>of() : parse(content)) {
      if (existing.id().equals(entry.id())) {
        throw new IllegalArgumentException("already has a key with id " + entry.id());
      }
    }
    JsonObject file =
        fresh ? new JsonObject().put("keys", new JsonArray()) : new JsonObject(content);
    JsonObject json = new JsonObject().put("id", entry.id()).put("sha256", entry.sha256());
    json.mergeIn(entry.permissions().toJson());
    file.getJsonArray("keys").add(json);
    return file.encodePrettily() + "\n";
  }

  /** A new random key: the prefix and 32 random bytes, base64url. */
  public static String generateKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of {@code key} (UTF-8), in lower-case hex. */
  public static String hash(String key) {
    return HexFormat.of().formatHex(digest(key));
  }

  static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
