package org.ushs.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.ushs.common.event.Problem;

/** RFC 9457 problem details, as answered by the publish API. */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  static JsonObject of(int status, String title, String detail) {
    return new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
  }

  /** A 400 naming every bad field. */
  static JsonObject invalid(List<Problem> problems) {
    JsonArray errors = new JsonArray();
    problems.forEach(
        p -> errors.add(new JsonObject().put("field", p.field()).put("error", p.error())));
    return of(
            400, "Invalid CloudEvent", problems.size() + " invalid field(s); nothing was accepted")
        .put("errors", errors);
  }
}
