package org.ushs.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;

/**
 * Publishes CloudEvents to {@code POST /ushs/v1/events} of an ingest node, with a bearer token or
 * an API key ({@code X-API-Key}) that has the publish permission. A future completes with the acks
 * once the events are in the replay log, or fails with {@link PublishRefused}. Retrying an event
 * with the same {@code source} and {@code id} is safe: it is acknowledged with the same sequence
 * and delivered once.
 */
public final class HttpPublisher {

  /** An acknowledged event. */
  public record Ack(String id, long sequence) {}

  static final String PATH = "/ushs/v1/events";

  private final HttpClient http;
  private final URI base;
  private final ClientCredentials credentials;

  /**
   * @param base the ingest node, {@code http://host:port} (a path other than {@code /} is kept)
   */
  public HttpPublisher(Vertx vertx, URI base, ClientCredentials credentials) {
    this.http = vertx.createHttpClient(new HttpClientOptions());
    this.base = base;
    this.credentials = credentials;
  }

  /** One event, structured mode ({@code application/cloudevents+json}). */
  public Future<List<Ack>> publish(JsonObject event) {
    return post("application/cloudevents+json", event.toBuffer());
  }

  /** Several events at once ({@code application/cloudevents-batch+json}): all or none. */
  public Future<List<Ack>> publishBatch(JsonArray events) {
    return post("application/cloudevents-batch+json", events.toBuffer());
  }

  private Future<List<Ack>> post(String contentType, Buffer body) {
    boolean tls = "https".equalsIgnoreCase(base.getScheme());
    String path =
        base.getRawPath() == null || base.getRawPath().length() <= 1 ? PATH : base.getRawPath();
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(base.getHost())
            .setPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80)
            .setSsl(tls)
            .setURI(path)
            .putHeader("Content-Type", contentType);
    if (credentials instanceof ClientCredentials.Bearer bearer) {
      request.putHeader("Authorization", "Bearer " + bearer.token());
    } else if (credentials instanceof ClientCredentials.AccessToken token) {
      request.putHeader("Authorization", "Bearer " + token.token());
    } else if (credentials instanceof ClientCredentials.ApiKey key) {
      request.putHeader("X-API-Key", key.key());
    }
    return http.request(request)
        .compose(req -> req.send(body))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        buffer -> {
                          if (response.statusCode() != 202) {
                            throw new PublishRefused(response.statusCode(), buffer.toString());
                          }
                          return acks(buffer.toJsonObject());
                        }));
  }

  static List<Ack> acks(JsonObject body) {
    JsonArray accepted = body.getJsonArray("accepted", new JsonArray());
    return accepted.stream()
        .map(JsonObject.class::cast)
        .map(a -> new Ack(a.getString("id"), Long.parseLong(a.getString("sequence"))))
        .toList();
  }

  public Future<Void> close() {
    return http.close();
  }
}
