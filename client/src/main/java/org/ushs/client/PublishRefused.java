package org.ushs.client;

import io.vertx.core.json.JsonObject;

/**
 * The publish API refused a request: {@code 400} (invalid event, {@link #problem()} has {@code
 * errors[]} with {@code field} and {@code error}), {@code 401}, {@code 403}, {@code 413}, or a
 * server failure.
 */
public final class PublishRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonObject problem;

  public PublishRefused(int status, String body) {
    super(status + " " + body);
    this.status = status;
    this.problem = parse(body);
  }

  private static JsonObject parse(String body) {
    try {
      return new JsonObject(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The {@code application/problem+json} body, or null when the body was not JSON. */
  public JsonObject problem() {
    return problem == null ? null : problem.copy();
  }
}
