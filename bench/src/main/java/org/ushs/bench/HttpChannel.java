package org.ushs.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;

/**
 * USHS's publish API: one event as a structured CloudEvent ({@code application/cloudevents+json}),
 * as a healing service publishes, or several as one batch ({@code
 * application/cloudevents-batch+json}). Accepted means 202: the events are in the replay log.
 */
final class HttpChannel implements PublishChannel {

  static final String PATH = "/ushs/v1/events";

  private final Target target;
  private HttpClient http;

  HttpChannel(Target target) {
    this.target = target;
  }

  @Override
  public Future<Void> open(Vertx vertx) {
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(target.host())
                .setDefaultPort(target.ingestPort())
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(256));
    return Future.succeededFuture();
  }

  @Override
  public Future<Integer> send(long first, List<byte[]> events) {
    boolean single = events.size() == 1;
    Buffer body = single ? Buffer.buffer(events.get(0)) : batch(events);
    return http.request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(PATH)
                .putHeader("Authorization", "Bearer " + target.publisherToken())
                .putHeader(
                    "Content-Type",
                    single ? "application/cloudevents+json" : "application/cloudevents-batch+json"))
        .compose(request -> request.send(body))
        .compose(response -> response.body().map(answer -> response.statusCode()));
  }

  private static Buffer batch(List<byte[]> events) {
    Buffer body = Buffer.buffer(events.size() * EventFactory.DELIVERED_SIZE + 2);
    body.appendByte((byte) '[');
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        body.appendByte((byte) ',');
      }
      body.appendBytes(events.get(i));
    }
    return body.appendByte((byte) ']');
  }
}
