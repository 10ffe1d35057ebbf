package org.ushs.common.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Turns a valid CloudEvent into a {@link PendingEvent}: sets {@code time} when the publisher left
 * it out and copies {@code service}, {@code severity} and {@code sessionid} from {@code data}
 * (where present) into extension attributes, which filters use.
 */
public final class EventEnricher {

  private EventEnricher() {}

  /** Enriches {@code event} in place and encodes it once. {@code event} must be valid. */
  public static PendingEvent enrich(JsonObject event, Instant now) {
    if (event.getValue("time") == null) {
      event.put("time", now.toString());
    }
    JsonObject data = event.getValue("data") instanceof JsonObject object ? object : null;
    String service = copy(event, data, "service", "service");
    String severity = copy(event, data, "severity", "severity");
    String sessionId = copy(event, data, "sessionId", "sessionid");
    String type = event.getString("type");
    EventKeys keys =
        new EventKeys(
            event.getString("id"),
            event.getString("source"),
            type,
            Category.ofType(type).orElseThrow(),
            service,
            severity,
            sessionId);
    return new PendingEvent(keys, event.toBuffer());
  }

  private static String copy(JsonObject event, JsonObject data, String field, String attribute) {
    if (data != null && data.getValue(field) instanceof String value) {
      event.put(attribute, value);
    }
    return event.getString(attribute);
  }
}
