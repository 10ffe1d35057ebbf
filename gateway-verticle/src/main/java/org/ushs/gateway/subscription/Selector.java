package org.ushs.gateway.subscription;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.ushs.common.event.Category;

/**
 * One name of a subscription's {@code eventTypes}: {@code *}, a category such as {@code error}, or
 * a full type such as {@code org.ushs.error.detected}.
 *
 * @param name the name as the client wrote it
 * @param categories the categories it spans (all for {@code *})
 * @param type the full type, or null when it is not one
 */
public record Selector(String name, Set<Category> categories, String type) {

  public Selector {
    categories = Set.copyOf(categories);
  }

  /** The selector {@code name} stands for; empty when the name is unknown. */
  public static Optional<Selector> parse(String name) {
    if (name.equals("*")) {
      return Optional.of(new Selector(name, EnumSet.allOf(Category.class), null));
    }
    Optional<Category> category = Category.fromName(name);
    if (category.isPresent()) {
      return Optional.of(new Selector(name, EnumSet.of(category.get()), null));
    }
    return Category.ofType(name).map(c -> new Selector(name, EnumSet.of(c), name));
  }

  public boolean matches(Category category, String eventType) {
    return categories.contains(category) && (type == null || type.equals(eventType));
  }
}
