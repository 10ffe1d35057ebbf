package org.ushs.client.event;

import io.vertx.core.json.JsonObject;

/** Maps an event's {@code data} to its family's record (Jackson); pure. */
final class EventDataReader {

  private EventDataReader() {}

  static EventData read(String category, Object data) {
    if (!(data instanceof JsonObject json)) {
      return new OtherData(null);
    }
    Class<? extends EventData> type =
        switch (category) {
          case "error" -> ErrorDetected.class;
          case "session" -> SessionEvent.class;
          case "patch" -> PatchEvent.class;
          case "deployment" -> DeploymentEvent.class;
          default -> null;
        };
    if (type == null) {
      return new OtherData(json);
    }
    try {
      return json.mapTo(type);
    } catch (IllegalArgumentException e) {
      return new OtherData(json);
    }
  }
}
