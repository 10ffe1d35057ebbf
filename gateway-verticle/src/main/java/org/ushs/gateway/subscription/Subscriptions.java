package org.ushs.gateway.subscription;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;

/**
 * A connection's subscriptions: each {@code subscribe} adds its selectors with its filter (a {@code
 * subscribe} with the filter of an earlier one joins it); an event matching several is still one
 * match, and matching costs one set lookup per subscription whatever its number of selectors.
 * {@code unsubscribe} of a category (or {@code *}) also narrows broader selectors, so it always
 * stops that category; of a full type, it removes that type and excludes it from subscriptions to
 * its whole category. Not thread-safe.
 */
public final class Subscriptions {

  private final List<Subscription> entries = new ArrayList<>();

  /** A copy that later changes to this one do not affect. */
  public Subscriptions copy() {
    Subscriptions copy = new Subscriptions();
    copy.entries.addAll(entries);
    return copy;
  }

  public void add(List<Selector> selectors, Filter filter) {
    for (int i = 0; i < entries.size(); i++) {
      Subscription entry = entries.get(i);
      if (entry.filter().equals(filter) && entry.excluded().isEmpty()) {
        entries.set(i, entry.plus(selectors));
        return;
      }
    }
    entries.add(new Subscription(selectors, filter, Set.of()));
  }

  /** Adds every subscription of {@code other} (as narrowed there). */
  public void addAll(Subscriptions other) {
    for (Subscription entry : other.entries) {
      if (entry.excluded().isEmpty()) {
        add(entry.selectors(), entry.filter());
      } else {
        entries.add(entry);
      }
    }
  }

  /** The one subscription {@code subscribe} makes. */
  public static Subscriptions of(List<Selector> selectors, Filter filter) {
    Subscriptions one = new Subscriptions();
    one.add(selectors, filter);
    return one;
  }

  /** How many subscriptions {@link #add} would leave with {@code filter}. */
  public int countAfterAdding(Filter filter) {
    boolean joins =
        entries.stream().anyMatch(e -> e.filter().equals(filter) && e.excluded().isEmpty());
    return entries.size() + (joins ? 0 : 1);
  }

  /** The selectors over all subscriptions. */
  public int selectorCount() {
    return entries.stream().mapToInt(e -> e.selectors().size()).sum();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Removes {@code selectors} from every subscription; subscriptions left empty go. Whether
   * anything changed.
   */
  public boolean remove(List<Selector> selectors) {
    List<Subscription> kept = new ArrayList<>();
    for (Subscription entry : entries) {
      Subscription left = entry;
      for (Selector removed : selectors) {
        left = left == null ? null : Narrowing.without(left, removed);
      }
      if (left != null) {
        kept.add(left);
      }
    }
    boolean changed = !kept.equals(entries);
    entries.clear();
    entries.addAll(kept);
    return changed;
  }

  public boolean matches(EventKeys keys) {
    for (Subscription entry : entries) {
      if (entry.matches(keys)) {
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
    for (Subscription entry : entries) {
      if (entry.categories().contains(category)) {
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
    entries.forEach(entry -> categories.addAll(entry.categories()));
    return categories;
  }
}
