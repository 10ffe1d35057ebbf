package org.ushs.publisher;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * USHS refused the publish with a 4xx status (400: invalid; {@code errors[]} in the problem names
 * each bad field): nothing of it was logged, and sending it again unchanged would be refused again,
 * so it is never retried. {@link #problem()} is the RFC 9457 problem JSON.
 */
public final class PublishRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonObject problem;

  PublishRejected(int status, String body) {
    super(detailOf(body), null, false, false);
    this.status = status;
    this.problem = parse(body);
  }

  public int status() {
    return status;
  }

  public JsonObject problem() {
    return problem.copy();
  }

  private static JsonObject parse(String body) {
    try {
      return new JsonObject(String.valueOf(body));
    } catch (DecodeException e) {
      return new JsonObject().put("detail", String.valueOf(body));
    }
  }

  private static String detailOf(String body) {
    JsonObject problem = parse(body);
    Object errors = problem.getValue("errors");
    return problem.getString("detail", String.valueOf(body)) + (errors == null ? "" : " " + errors);
  }
}
