package org.ushs.app;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes over the real HTTP API, and builds valid events. */
final class Publish {

  private static final AtomicLong IDS = new AtomicLong();

  private final WebClient web;
  private final String host;
  private final int port;
  private final String token;

  Publish(Vertx vertx, int port, String token) {
    this(vertx, "127.0.0.1", port, token, new WebClientOptions());
  }

  /** Over the client {@code options} (TLS for a node with certificates). */
  Publish(Vertx vertx, int port, String token, WebClientOptions options) {
    this(vertx, "127.0.0.1", port, token, options);
  }

  Publish(Vertx vertx, String host, int port, String token) {
    this(vertx, host, port, token, new WebClientOptions());
  }

  private Publish(Vertx vertx, String host, int port, String token, WebClientOptions options) {
    this.web = WebClient.create(vertx, options);
    this.host = host;
    this.port = port;
    this.token = token;
  }

  /** A valid error event with a fresh id. */
  static JsonObject error(String service, String severity) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", "err-" + IDS.incrementAndGet())
        .put("source", "/healing/detector")
        .put("type", "org.ushs.error.detected")
        .put(
            "data",
            new JsonObject()
                .put("errorId", "e" + IDS.get())
                .put("severity", severity)
                .put("service", service)
                .put("summary", "5xx spike"));
  }

  /** A valid session event with a fresh id. */
  static JsonObject session(String sessionId) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", "ses-" + IDS.incrementAndGet())
        .put("source", "/healing/orchestrator")
        .put("type", "org.ushs.session.started")
        .put("data", new JsonObject().put("sessionId", sessionId));
  }

  HttpResponse<Buffer> post(String contentType, Buffer body) {
    var request = web.post(port, host, "/ushs/v1/events");
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return TestNodes.await(request.putHeader("Content-Type", contentType).sendBuffer(body));
  }

  HttpResponse<Buffer> structured(JsonObject event) {
    return post("application/cloudevents+json", event.toBuffer());
  }

  HttpResponse<Buffer> batch(JsonArray events) {
    return post("application/cloudevents-batch+json", events.toBuffer());
  }

  /** Publishes and returns the sequence the ack gives; fails unless 202. */
  long ok(JsonObject event) {
    HttpResponse<Buffer> response = structured(event);
    if (response.statusCode() != 202) {
      throw new AssertionError(response.statusCode() + " " + response.bodyAsString());
    }
    return Long.parseLong(
        response
            .bodyAsJsonObject()
            .getJsonArray("accepted")
            .getJsonObject(0)
            .getString("sequence"));
  }

  void close() {
    web.close();
  }
}
