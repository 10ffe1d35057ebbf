package org.ushs.common.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;

/**
 * What a principal may see and do. A null set means "all". A principal restricted to services sees
 * only events that name one of them: an event without a service is not visible to it.
 */
public record Permissions(Set<Category> eventTypes, Set<String> services, boolean publish) {

  public Permissions {
    eventTypes = eventTypes == null ? null : Set.copyOf(eventTypes);
    services = services == null ? null : Set.copyOf(services);
  }

  /** May this principal see events of {@code category}? */
  public boolean allows(Category category) {
    return eventTypes == null || eventTypes.contains(category);
  }

  /** May this principal see this event? */
  public boolean allows(EventKeys keys) {
    return allows(keys.category())
        && (services == null || (keys.service() != null && services.contains(keys.service())));
  }

  /**
   * Reads the {@code ushs} claim form {@code {"eventTypes":[..],"services":[..],"publish":b}}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Permissions fromJson(JsonObject json) {
    if (json == null) {
      return new Permissions(null, null, false);
    }
    Object publish = json.getValue("publish", false);
    if (!(publish instanceof Boolean mayPublish)) {
      throw new IllegalArgumentException("publish must be a boolean");
    }
    return new Permissions(
        categories(json.getValue("eventTypes")), strings(json.getValue("services")), mayPublish);
  }

  /** The same, as JSON. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("publish", publish);
    if (eventTypes != null) {
      json.put("eventTypes", new JsonArray(eventTypes.stream().map(Category::wireName).toList()));
    }
    if (services != null) {
      json.put("services", new JsonArray(services.stream().sorted().toList()));
    }
    return json;
  }

  private static Set<Category> categories(Object value) {
    Set<String> names = strings(value);
    if (names == null || names.contains("*")) {
      return null;
    }
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (String name : names) {
      categories.add(
          Category.fromName(name)
              .orElseThrow(() -> new IllegalArgumentException("unknown event type " + name)));
    }
    return categories;
  }

  private static Set<String> strings(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException("permission lists must be arrays of strings");
    }
    Set<String> strings = new HashSet<>();
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw new IllegalArgumentException("permission lists must be arrays of strings");
      }
      strings.add(text);
    }
    return strings;
  }
}
