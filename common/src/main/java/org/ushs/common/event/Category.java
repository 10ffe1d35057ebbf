package org.ushs.common.event;

import java.util.Locale;
import java.util.Optional;

/**
 * The five event families of USHS; the middle part of a type {@code org.ushs.<category>.<name>}.
 */
public enum Category {
  ERROR,
  SESSION,
  PATCH,
  DEPLOYMENT,
  HEALTH;

  private static final String TYPE_PREFIX = "org.ushs.";
  private static final Category[] ALL = values();

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in types, subscriptions and permissions. */
  public String wireName() {
    return wireName;
  }

  /** The category named {@code name} (lower case), if there is one. */
  public static Optional<Category> fromName(String name) {
    for (Category category : ALL) {
      if (category.wireName.equals(name)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }

  /**
   * The category of a full type {@code org.ushs.<category>.<name>}, where name is one or more
   * letters, digits or dots; empty when the type is not of that form. On every publish's path,
   * twice: a loop over the characters, not a regular expression.
   */
  public static Optional<Category> ofType(String type) {
    if (type == null || !type.startsWith(TYPE_PREFIX)) {
      return Optional.empty();
    }
    int dot = type.indexOf('.', TYPE_PREFIX.length());
    if (dot <= TYPE_PREFIX.length() || dot == type.length() - 1 || !isName(type, dot + 1)) {
      return Optional.empty();
    }
    return fromName(type.substring(TYPE_PREFIX.length(), dot));
  }

  private static boolean isName(String type, int from) {
    for (int i = from; i < type.length(); i++) {
      char c = type.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
