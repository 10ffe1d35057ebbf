package org.ushs.common.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a valid CloudEvent into a {@link PendingEvent}: sets {@code time} when the publisher left
 * it out and copies {@code service}, {@code severity} and {@code sessionid} from {@code data}
 * (where present) into extension attributes, which filters use. Every other attribute, {@code data}
 * included, keeps the bytes it was published with: the JSON is spliced, never re-encoded.
 */
public final class EventEnricher {

  private EventEnricher() {}

  /**
   * Enriches {@code event} (its view too) and builds its JSON once. {@code event} must be valid.
   */
  public static PendingEvent enrich(RawEvent event, Instant now) {
    JsonObject view = event.view();
    Map<String, String> set = new LinkedHashMap<>(8);
    if (view.getValue("time") == null) {
      set.put("time", now.toString());
    }
    JsonObject data = view.getValue("data") instanceof JsonObject object ? object : null;
    copy(data, "service", "service", set);
    copy(data, "severity", "severity", set);
    copy(data, "sessionId", "sessionid", set);
    set.forEach(view::put);
    String type = view.getString("type");
    EventKeys keys =
        new EventKeys(
            view.getString("id"),
            view.getString("source"),
            type,
            Category.ofType(type).orElseThrow(),
            view.getString("service"),
            view.getString("severity"),
            view.getString("sessionid"));
    return new PendingEvent(keys, event.encode(set));
  }

  /** Enriches an event built in code, in place; {@code event} must be valid. */
  public static PendingEvent enrich(JsonObject event, Instant now) {
    return enrich(RawEvent.of(event), now);
  }

  private static void copy(
      JsonObject data, String field, String attribute, Map<String, String> set) {
    if (data != null && data.getValue(field) instanceof String value) {
      set.put(attribute, value);
    }
  }
}
