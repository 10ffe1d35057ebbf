package org.ushs.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.ushs.common.event.Problem;

/**
 * RFC 9457 problem details, as answered by the publish API. Bounded whatever the client sent: at
 * most {@link #MAX_ERRORS} entries in {@code errors} (then {@code errorsOmitted} counts the rest),
 * and every client-derived text cut to {@link #MAX_TEXT} characters, marked with {@link #CUT}.
 */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  /** Problems listed in a body at most. */
  static final int MAX_ERRORS = 100;

  /** Characters of one field name or error text at most, before the cut mark. */
  static final int MAX_TEXT = 200;

  /** Ends a text that was cut. */
  static final String CUT = "...(cut)";

  private Problems() {}

  static JsonObject of(int status, String title, String detail) {
    return new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", cut(detail));
  }

  /** A 400 naming the bad fields: the first {@link #MAX_ERRORS}, and how many more there are. */
  static JsonObject invalid(List<Problem> problems) {
    JsonArray errors = new JsonArray();
    problems.stream()
        .limit(MAX_ERRORS)
        .forEach(
            p ->
                errors.add(
                    new JsonObject().put("field", cut(p.field())).put("error", cut(p.error()))));
    JsonObject body =
        of(400, "Invalid CloudEvent", problems.size() + " invalid field(s); nothing was accepted")
            .put("errors", errors);
    if (problems.size() > MAX_ERRORS) {
      body.put("errorsOmitted", problems.size() - MAX_ERRORS);
    }
    return body;
  }

  /** {@code text} cut to {@link #MAX_TEXT} characters plus {@link #CUT}; null stays null. */
  static String cut(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + CUT;
  }
}
