package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.common.auth.Permissions;
import org.ushs.common.bus.Addresses;

/** The publish API of a real node: modes, validation, auth, limits, dedupe, extensions. */
@Tag("integration")
class PublishApiTest {

  private static final String MAX_BODY = "2048";

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private static WsClient subscriber;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of("USHS_MAX_BODY", MAX_BODY));
    vertx = Vertx.vertx();
    publish = new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
    subscriber =
        WsClient.connect(
            vertx,
            nodes.node(0).gatewayPort(),
            "/ushs/v1/ws?subscribe=*",
            TestNodes.subscriberToken(vertx));
  }

  @AfterAll
  static void stop() {
    subscriber.close();
    publish.close();
    vertx.close();
    nodes.close();
  }

  @Test
  void structuredModeIsAckedWithItsSequenceAndDeliveredWithExtensions() {
    JsonObject event = Publish.error("api-gateway", "high");
    HttpResponse<Buffer> response = publish.structured(event);
    assertEquals(202, response.statusCode(), response.bodyAsString());
    JsonObject accepted = response.bodyAsJsonObject().getJsonArray("accepted").getJsonObject(0);
    assertEquals(event.getString("id"), accepted.getString("id"));

    JsonObject received = subscriber.next();
    assertEquals(accepted.getString("sequence"), received.getString("sequence"));
    assertEquals("api-gateway", received.getString("service"));
    assertEquals("high", received.getString("severity"));
    assertNotNull(received.getString("time"), "time is set when the publisher left it out");
    assertEquals(event.getJsonObject("data"), received.getJsonObject("data"));
  }

  @Test
  void binaryModeTakesAttributesFromHeaders() {
    JsonObject data =
        new JsonObject().put("sessionId", "s-9").put("phase", "analysis").put("extra", 1);
    var request =
        WebClient.create(vertx)
            .post(nodes.node(0).ingestPort(), "127.0.0.1", "/ushs/v1/events")
            .putHeader("Authorization", "Bearer " + TestNodes.publisherToken(vertx))
            .putHeader("Content-Type", "application/json")
            .putHeader("ce-specversion", "1.0")
            .putHeader("ce-id", "bin-1")
            .putHeader("ce-source", "/healing/orchestrator")
            .putHeader("ce-type", "org.ushs.session.started")
            .putHeader("ce-time", "2024-01-15T23:30:00Z");
    HttpResponse<Buffer> response = TestNodes.await(request.sendBuffer(data.toBuffer()));
    assertEquals(202, response.statusCode(), response.bodyAsString());

    JsonObject received = subscriber.next();
    assertEquals("bin-1", received.getString("id"));
    assertEquals("org.ushs.session.started", received.getString("type"));
    assertEquals("2024-01-15T23:30:00Z", received.getString("time"));
    assertEquals("s-9", received.getString("sessionid"));
    assertEquals(data, received.getJsonObject("data"));
  }

  @Test
  void batchModeLogsEveryEventInOrder() {
    JsonArray batch =
        new JsonArray(
            List.of(
                Publish.error("a", "low"), Publish.session("s-1"), Publish.error("b", "critical")));
    HttpResponse<Buffer> response = publish.batch(batch);
    assertEquals(202, response.statusCode(), response.bodyAsString());
    JsonArray accepted = response.bodyAsJsonObject().getJsonArray("accepted");
    assertEquals(3, accepted.size());
    long first = Long.parseLong(accepted.getJsonObject(0).getString("sequence"));
    for (int i = 0; i < 3; i++) {
      JsonObject received = subscriber.next();
      assertEquals(batch.getJsonObject(i).getString("id"), received.getString("id"));
      assertEquals(Long.toString(first + i), received.getString("sequence"));
    }
  }

  @Test
  void eventBusIngestRepliesWithTheAck() {
    JsonObject event = Publish.error("bus", "medium");
    JsonObject ack =
        TestNodes.await(
                nodes.node(0).vertx().eventBus().<JsonObject>request(Addresses.INGEST, event))
            .body();
    assertEquals(
        event.getString("id"), ack.getJsonArray("accepted").getJsonObject(0).getString("id"));
    assertEquals(event.getString("id"), subscriber.next().getString("id"));
  }

  @Test
  void eventBusIngestFailsBadEventsWith400() {
    JsonObject bad = Publish.error("bus", "medium").put("specversion", "0.3");
    var reply = nodes.node(0).vertx().eventBus().request(Addresses.INGEST, bad);
    CompletionException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            CompletionException.class,
            () -> reply.toCompletionStage().toCompletableFuture().join());
    ReplyException replyFailure = (ReplyException) failure.getCause();
    assertEquals(400, replyFailure.failureCode());
    assertTrue(replyFailure.getMessage().contains("specversion"));
  }

  @Test
  void invalidEventNamesEachBadField() {
    JsonObject event = Publish.error("svc", "high");
    event.remove("source");
    event.getJsonObject("data").put("severity", "huge").remove("summary");
    HttpResponse<Buffer> response = publish.structured(event);
    assertEquals(400, response.statusCode());
    assertEquals("application/problem+json", response.getHeader("Content-Type"));
    List<String> fields = fields(response);
    assertEquals(List.of("source", "data.severity", "data.summary"), fields);
  }

  @Test
  void aBatchWithOneBadEventIsRefusedWhole() {
    JsonObject good = Publish.error("svc", "high");
    JsonObject bad = Publish.session("s-2").put("type", "org.ushs.unknown.thing");
    HttpResponse<Buffer> response = publish.batch(new JsonArray(List.of(good, bad)));
    assertEquals(400, response.statusCode());
    assertEquals(List.of("[1].type"), fields(response));
    JsonObject marker = Publish.error("svc", "low");
    publish.ok(marker);
    assertEquals(marker.getString("id"), subscriber.next().getString("id"), "nothing of the batch");
  }

  @Test
  void unreadableBodiesAndTypesAre400() {
    assertEquals(
        400, publish.post("application/cloudevents+json", Buffer.buffer("{nope")).statusCode());
    assertEquals(400, publish.post("text/plain", Buffer.buffer("hello")).statusCode());
    assertEquals(400, publish.batch(new JsonArray()).statusCode());
    assertEquals(
        400, publish.post("application/cloudevents+json", Buffer.buffer("[1]")).statusCode());
  }

  @Test
  void tooLargeABodyIs413() {
    JsonObject event = Publish.error("svc", "high");
    event.getJsonObject("data").put("padding", "x".repeat(Integer.parseInt(MAX_BODY)));
    assertEquals(413, publish.structured(event).statusCode());
  }

  @Test
  void publishingNeedsCredentialsWithThePublishPermission() {
    int port = nodes.node(0).ingestPort();
    Publish anonymous = new Publish(vertx, port, null);
    Publish reader =
        new Publish(vertx, port, TestNodes.token(vertx, new Permissions(null, null, false)));
    Publish forged = new Publish(vertx, port, "not.a.jwt");
    assertEquals(401, anonymous.structured(Publish.error("s", "low")).statusCode());
    assertEquals(403, reader.structured(Publish.error("s", "low")).statusCode());
    assertEquals(401, forged.structured(Publish.error("s", "low")).statusCode());
    anonymous.close();
    reader.close();
    forged.close();
  }

  @Test
  void aRetriedPublishGetsTheSameSequenceAndIsDeliveredOnce() {
    JsonObject event = Publish.error("svc", "high");
    long first = publish.ok(event.copy());
    long again = publish.ok(event.copy());
    assertEquals(first, again);
    JsonArray twiceInOneBatch = new JsonArray(List.of(event.copy(), event.copy()));
    JsonArray acks = publish.batch(twiceInOneBatch).bodyAsJsonObject().getJsonArray("accepted");
    assertEquals(Long.toString(first), acks.getJsonObject(1).getString("sequence"));
    JsonObject marker = Publish.error("svc", "low");
    publish.ok(marker);
    assertEquals(event.getString("id"), subscriber.next().getString("id"));
    assertEquals(marker.getString("id"), subscriber.next().getString("id"), "delivered once");
  }

  private static List<String> fields(HttpResponse<Buffer> response) {
    JsonArray errors = response.bodyAsJsonObject().getJsonArray("errors");
    return errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }
}
