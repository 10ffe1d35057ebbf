package org.ushs.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription: event types ({@code error}, {@code session}, {@code patch}, {@code deployment},
 * {@code health}, a full type such as {@code org.ushs.patch.generated}, or {@code *}) and optional
 * filters. A filter restricts only events that carry its field. Immutable.
 *
 * @param eventTypes at least one name
 * @param services events of these services only; null for any
 * @param severities events of these severities only; null for any
 * @param session events of this healing session only; null for any
 */
public record Subscription(
    List<String> eventTypes, List<String> services, List<String> severities, String session) {

  public Subscription {
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw new IllegalArgumentException("a subscription names at least one event type");
    }
    eventTypes = List.copyOf(eventTypes);
    services = services == null ? null : List.copyOf(services);
    severities = severities == null ? null : List.copyOf(severities);
  }

  /** The given types, unfiltered. */
  public static Subscription of(String... eventTypes) {
    return new Subscription(List.of(eventTypes), null, null, null);
  }

  public Subscription withServices(String... services) {
    return new Subscription(eventTypes, List.of(services), severities, session);
  }

  public Subscription withSeverities(String... severities) {
    return new Subscription(eventTypes, services, List.of(severities), session);
  }

  public Subscription withSession(String session) {
    return new Subscription(eventTypes, services, severities, session);
  }

  /** The same filters over other types. */
  public Subscription withEventTypes(List<String> types) {
    return new Subscription(types, services, severities, session);
  }

  /** The {@code subscribe} command. */
  public JsonObject toCommand() {
    JsonObject command =
        new JsonObject().put("command", "subscribe").put("eventTypes", new JsonArray(eventTypes));
    JsonObject filters = new JsonObject();
    if (services != null) {
      filters.put("service", new JsonArray(services));
    }
    if (severities != null) {
      filters.put("severity", new JsonArray(severities));
    }
    if (session != null) {
      filters.put("session", session);
    }
    return filters.isEmpty() ? command : command.put("filters", filters);
  }

  /** Whether the connect query can carry it: the query has no severity filter. */
  public boolean fitsQuery() {
    return severities == null;
  }

  /** The query parameters {@code subscribe}, {@code service}, {@code session}, unencoded. */
  public Map<String, String> toQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("subscribe", String.join(",", eventTypes));
    if (services != null) {
      query.put("service", String.join(",", services));
    }
    if (session != null) {
      query.put("session", session);
    }
    return query;
  }
}
