package org.ushs.gateway.subscription;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;

/**
 * One {@code subscribe}: its selectors, its filter, and the full types later unsubscribed from its
 * categories ({@code excluded}). Matching costs the same whatever the number of selectors: they are
 * compiled into whole categories and a set of full types. Immutable.
 */
final class Subscription {

  private final List<Selector> selectors;
  private final Filter filter;
  private final Set<String> excluded;
  private final Set<Category> wholeCategories = EnumSet.noneOf(Category.class);
  private final Set<Category> categories = EnumSet.noneOf(Category.class);
  private final Set<String> types = new HashSet<>();

  Subscription(List<Selector> selectors, Filter filter, Set<String> excluded) {
    this.selectors = List.copyOf(selectors);
    this.filter = filter;
    this.excluded = Set.copyOf(excluded);
    for (Selector selector : this.selectors) {
      categories.addAll(selector.categories());
      if (selector.type() == null) {
        wholeCategories.addAll(selector.categories());
      } else {
        types.add(selector.type());
      }
    }
  }

  List<Selector> selectors() {
    return selectors;
  }

  Filter filter() {
    return filter;
  }

  Set<String> excluded() {
    return excluded;
  }

  boolean matches(EventKeys keys) {
    return (wholeCategories.contains(keys.category()) || types.contains(keys.type()))
        && !excluded.contains(keys.type())
        && filter.matches(keys);
  }

  Set<Category> categories() {
    return categories;
  }

  /** Whether a selector spans the whole category of the full type {@code type}. */
  boolean spansCategoryOf(Selector type) {
    return wholeCategories.containsAll(type.categories());
  }

  /** The same subscription with more selectors (for a {@code subscribe} with the same filter). */
  Subscription plus(List<Selector> more) {
    List<Selector> all = new java.util.ArrayList<>(selectors);
    more.stream().filter(s -> !all.contains(s)).forEach(all::add);
    return new Subscription(all, filter, excluded);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Subscription that
        && selectors.equals(that.selectors)
        && filter.equals(that.filter)
        && excluded.equals(that.excluded);
  }

  @Override
  public int hashCode() {
    return Objects.hash(selectors, filter, excluded);
  }
}
