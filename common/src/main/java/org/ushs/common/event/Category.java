package org.ushs.common.event;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

  /** The {@code <name>} part of a type: compiled once, it is on every publish's path. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.]+");

  /** The lower-case name used in types, subscriptions and permissions. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The category named {@code name} (lower case), if there is one. */
  public static Optional<Category> fromName(String name) {
    for (Category category : values()) {
      if (category.wireName().equals(name)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }

  /**
   * The category of a full type {@code org.ushs.<category>.<name>}, where name is one or more
   * letters, digits or dots; empty when the type is not of that form.
   */
  public static Optional<Category> ofType(String type) {
    if (type == null || !type.startsWith(TYPE_PREFIX)) {
      return Optional.empty();
    }
    String rest = type.substring(TYPE_PREFIX.length());
    int dot = rest.indexOf('.');
    if (dot <= 0
        || dot == rest.length() - 1
        || !NAME.matcher(rest).region(dot + 1, rest.length()).matches()) {
      return Optional.empty();
    }
    return fromName(rest.substring(0, dot));
  }
}
