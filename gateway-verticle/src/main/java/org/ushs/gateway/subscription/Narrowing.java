package org.ushs.gateway.subscription;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ushs.common.event.Category;

/** What {@code unsubscribe} of one name leaves of a subscription. Pure. */
final class Narrowing {

  private Narrowing() {}

  /** {@code entry} without {@code removed}; null when nothing is left. */
  static Subscription without(Subscription entry, Selector removed) {
    List<Selector> left = new ArrayList<>();
    for (Selector selector : entry.selectors()) {
      if (selector.name().equals(removed.name())) {
        continue;
      }
      if (removed.type() != null) {
        left.add(selector);
      } else if (selector.type() != null) {
        if (!removed.categories().containsAll(selector.categories())) {
          left.add(selector);
        }
      } else {
        left.addAll(narrowed(selector, removed));
      }
    }
    if (left.isEmpty()) {
      return null;
    }
    Set<String> excluded = new HashSet<>(entry.excluded());
    if (removed.type() != null && entry.spansCategoryOf(removed)) {
      excluded.add(removed.type());
    }
    return new Subscription(left, entry.filter(), excluded);
  }

  /** A category-level selector less the categories of {@code removed}, one per category left. */
  private static List<Selector> narrowed(Selector selector, Selector removed) {
    if (removed.categories().stream().noneMatch(selector.categories()::contains)) {
      return List.of(selector);
    }
    List<Selector> left = new ArrayList<>();
    for (Category category : selector.categories()) {
      if (!removed.categories().contains(category)) {
        left.add(new Selector(category.wireName(), EnumSet.of(category), null));
      }
    }
    return left;
  }
}
