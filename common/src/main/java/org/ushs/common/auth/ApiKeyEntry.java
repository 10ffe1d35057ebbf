package org.ushs.common.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One API key as the keys file holds it: an id (for logs), the SHA-256 of the key (64 hex digits,
 * kept in lower case) and the key's permissions. Never the key itself.
 */
public record ApiKeyEntry(String id, String sha256, Permissions permissions) {

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ApiKeyEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(permissions, "permissions");
    sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
    if (!HEX_SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "key " + id + ": sha256 must be 64 hex digits, the SHA-256 of the key (never the key)");
    }
  }
}
