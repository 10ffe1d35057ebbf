package org.ushs.client;

import io.vertx.core.json.JsonObject;

/**
 * Where a new connection resumes: the id of the last event delivered and its position (either may
 * be null). Sent as {@code Last-Event-Position} and {@code Last-Event-ID} at connect, and as {@code
 * lastPosition} and {@code lastEventId} in the subscribe commands a reconnect re-sends.
 */
record ResumePoint(String lastEventId, EventPosition position) {

  static final ResumePoint NONE = new ResumePoint(null, null);

  boolean isEmpty() {
    return lastEventId == null && position == null;
  }

  /** {@code command} with this resume point's fields; unchanged when this is empty. */
  JsonObject addTo(JsonObject command) {
    JsonObject copy = command.copy();
    if (position != null) {
      copy.put("lastPosition", position.toString());
    }
    if (lastEventId != null) {
      copy.put("lastEventId", lastEventId);
    }
    return copy;
  }
}
