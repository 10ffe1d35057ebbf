package org.ushs.gateway.subscription;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;

/**
 * A connection's subscriptions: each {@code subscribe} adds its selectors with its filter; an event
 * matching several is still one match. {@code unsubscribe} of a category (or {@code *}) also
 * narrows broader selectors, so it always stops that category. Not thread-safe.
 */
public final class Subscriptions {

  private record Entry(List<Selector> selectors, Filter filter) {}

  private final List<Entry> entries = new ArrayList<>();

  public void add(List<Selector> selectors, Filter filter) {
    entries.add(new Entry(List.copyOf(selectors), filter));
  }

  /** Removes {@code selectors} from every subscription; subscriptions left empty go. */
  public void remove(List<Selector> selectors) {
    List<Entry> kept = new ArrayList<>();
    for (Entry entry : entries) {
      List<Selector> left = entry.selectors();
      for (Selector removed : selectors) {
        left = without(left, removed);
      }
      if (!left.isEmpty()) {
        kept.add(new Entry(left, entry.filter()));
      }
    }
    entries.clear();
    entries.addAll(kept);
  }

  private static List<Selector> without(List<Selector> selectors, Selector removed) {
    List<Selector> left = new ArrayList<>();
    for (Selector selector : selectors) {
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
    return left;
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

  public boolean matches(EventKeys keys) {
    for (Entry entry : entries) {
      if (entry.filter().matches(keys) && anyMatches(entry.selectors(), keys)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyMatches(List<Selector> selectors, EventKeys keys) {
    for (Selector selector : selectors) {
      if (selector.matches(keys.category(), keys.type())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The services the subscriptions to {@code category} are limited to, or null when one of them
   * takes any service: what the hub indexes the connection under within the category.
   */
  public Set<String> services(Category category) {
    Set<String> services = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.selectors().stream().anyMatch(s -> s.categories().contains(category))) {
        if (entry.filter().services() == null) {
          return null;
        }
        services.addAll(entry.filter().services());
      }
    }
    return services;
  }

  /** Every category some subscription spans: what the hub indexes the connection under. */
  public Set<Category> categories() {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    entries.forEach(entry -> entry.selectors().forEach(s -> categories.addAll(s.categories())));
    return categories;
  }
}
