package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.auth.Permissions;
import org.ushs.common.event.Category;

/** The client protocol on a real node: auth at connect, commands, acks, errors, permissions. */
@Tag("integration")
class GatewayProtocolTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private static int port;
  private WsClient client;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of());
    vertx = Vertx.vertx();
    port = nodes.node(0).gatewayPort();
    publish = new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
  }

  @AfterAll
  static void stop() {
    publish.close();
    vertx.close();
    nodes.close();
  }

  @AfterEach
  void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  private WsClient connect(String query) {
    client = WsClient.connect(vertx, port, "/ushs/v1/ws" + query, TestNodes.subscriberToken(vertx));
    return client;
  }

  @Test
  void noCredentialsGetsAnErrorMessageThenClose4001() {
    client = WsClient.connect(vertx, port, "/ushs/v1/ws", null);
    JsonObject error = client.next();
    assertEquals("error", error.getString("type"));
    assertEquals(4001, error.getInteger("code"));
    assertEquals(4001, client.awaitClose());
  }

  @Test
  void aBadTokenGetsAnErrorMessageThenClose4002() {
    client = WsClient.connect(vertx, port, "/ushs/v1/ws", "garbage.token.here");
    assertEquals(4002, client.next().getInteger("code"));
    assertEquals(4002, client.awaitClose());
  }

  @Test
  void subscribeUnsubscribeAndPingAreAcknowledged() {
    connect("");
    JsonObject subscribed =
        client.request(
            new JsonObject()
                .put("command", "subscribe")
                .put("eventTypes", new JsonArray(List.of("error", "org.ushs.session.started"))),
            "subscribed");
    assertEquals(
        new JsonArray(List.of("error", "org.ushs.session.started")),
        subscribed.getJsonArray("eventTypes"));
    JsonObject unsubscribed =
        client.request(
            new JsonObject()
                .put("command", "unsubscribe")
                .put("eventTypes", new JsonArray(List.of("error"))),
            "unsubscribed");
    assertEquals(new JsonArray(List.of("error")), unsubscribed.getJsonArray("eventTypes"));
    JsonObject pong = client.request(new JsonObject().put("command", "ping"), "pong");
    assertNotNull(java.time.Instant.parse(pong.getString("timestamp")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                                          | 4000 | message",
        "[1,2]                                             | 4000 | message",
        "{\"eventTypes\":[\"error\"]}                      | 4000 | command",
        "{\"command\":\"dance\"}                           | 4000 | command",
        "{\"command\":\"subscribe\",\"eventTypes\":\"error\"} | 4000 | eventTypes",
        "{\"command\":\"subscribe\",\"eventTypes\":[\"error\"],\"filters\":{\"service\":5}} | 4000 | filters.service",
        "{\"command\":\"subscribe\",\"eventTypes\":[\"gossip\"]} | 4004 | eventTypes",
        "{\"command\":\"subscribe\",\"eventTypes\":[\"error\"],\"filters\":{\"severity\":[\"dire\"]}} | 4004 | filters.severity",
      })
  void badCommandsGetAnErrorAndTheConnectionStaysOpen(String text, int code, String field) {
    connect("");
    client.send(text);
    JsonObject error = client.next();
    assertEquals("error", error.getString("type"));
    assertEquals(code, error.getInteger("code"));
    assertEquals(field, error.getJsonObject("details").getString("field"));
    assertNotNull(error.getJsonObject("details").getString("error"));
    client.request(new JsonObject().put("command", "ping"), "pong");
    assertFalse(client.isClosed());
  }

  @Test
  void theConnectQuerySubscriptionIsInEffectWhenTheHandshakeCompletes() {
    connect("?subscribe=error&service=api-gateway");
    publish.ok(Publish.error("other", "high"));
    JsonObject wanted = Publish.error("api-gateway", "high");
    publish.ok(wanted);
    assertEquals(wanted.getString("id"), client.next().getString("id"));
    client.assertQuiet(200);
  }

  @Test
  void anUnknownTypeInTheQueryIs4004AndTheConnectionStaysOpen() {
    connect("?subscribe=error,gossip");
    assertEquals(4004, client.next().getInteger("code"));
    client.request(new JsonObject().put("command", "ping"), "pong");
  }

  @Test
  void aSeverityFilterDoesNotHideSessionEvents() {
    connect("");
    client.request(
        subscribe(
            List.of("error", "session"),
            new JsonObject().put("severity", new JsonArray(List.of("critical")))),
        "subscribed");
    publish.ok(Publish.error("svc", "low"));
    JsonObject critical = Publish.error("svc", "critical");
    JsonObject session = Publish.session("s-1");
    publish.ok(critical);
    publish.ok(session);
    assertEquals(critical.getString("id"), client.next().getString("id"));
    assertEquals(session.getString("id"), client.next().getString("id"));
    client.assertQuiet(200);
  }

  @Test
  void anEventMatchingTwoSubscriptionsIsDeliveredOnce() {
    connect("?subscribe=error");
    client.request(
        subscribe(List.of("org.ushs.error.detected"), new JsonObject().put("service", "svc")),
        "subscribed");
    JsonObject event = Publish.error("svc", "high");
    publish.ok(event);
    assertEquals(event.getString("id"), client.next().getString("id"));
    client.assertQuiet(300);
  }

  @Test
  void serviceFiltersOverlappingInOneCategoryDeliverEachEventOnce() {
    connect("?subscribe=error&service=a");
    client.request(subscribe(List.of("error"), serviceFilter("a", "b")), "subscribed");
    publish.ok(Publish.error("c", "high"));
    JsonObject[] wanted = {Publish.error("a", "high"), Publish.error("b", "high")};
    publish.ok(wanted[0]);
    publish.ok(wanted[1]);
    assertEquals(wanted[0].getString("id"), client.next().getString("id"));
    assertEquals(wanted[1].getString("id"), client.next().getString("id"));
    client.request(subscribe(List.of("org.ushs.error.detected"), new JsonObject()), "subscribed");
    JsonObject anyService = Publish.error("c", "high");
    publish.ok(anyService);
    assertEquals(anyService.getString("id"), client.next().getString("id"));
    client.assertQuiet(300);
  }

  @Test
  void anEventWithoutAServiceReachesSessionsFilteredByService() {
    connect("?subscribe=session&service=a");
    JsonObject noService = Publish.session("s-1");
    publish.ok(noService);
    assertEquals(noService.getString("id"), client.next().getString("id"));
    client.assertQuiet(200);
  }

  private static JsonObject serviceFilter(String... services) {
    return new JsonObject().put("service", new JsonArray(List.of(services)));
  }

  @Test
  void aSessionFilterKeepsOnlyThatSession() {
    connect("?session=s-7");
    publish.ok(Publish.session("s-8"));
    JsonObject mine = Publish.session("s-7");
    publish.ok(mine);
    assertEquals(mine.getString("id"), client.next().getString("id"));
    client.assertQuiet(200);
  }

  @Test
  void unsubscribeStopsDelivery() {
    connect("?subscribe=*");
    client.request(
        new JsonObject()
            .put("command", "unsubscribe")
            .put("eventTypes", new JsonArray(List.of("error"))),
        "unsubscribed");
    publish.ok(Publish.error("svc", "high"));
    JsonObject session = Publish.session("s-1");
    publish.ok(session);
    assertEquals(session.getString("id"), client.next().getString("id"));
    client.assertQuiet(200);
  }

  @Test
  void permissionsHideForbiddenEventsAndRefuseExplicitSubscriptions() {
    Permissions errorsOfOneService =
        new Permissions(Set.of(Category.ERROR), Set.of("billing"), false);
    client =
        WsClient.connect(
            vertx, port, "/ushs/v1/ws?subscribe=*", TestNodes.token(vertx, errorsOfOneService));
    client.send(subscribe(List.of("session"), null).encode());
    JsonObject refused = client.next();
    assertEquals(4002, refused.getInteger("code"));
    publish.ok(Publish.session("s-1"));
    publish.ok(Publish.error("api-gateway", "high"));
    JsonObject allowed = Publish.error("billing", "high");
    publish.ok(allowed);
    assertEquals(allowed.getString("id"), client.next().getString("id"));
    client.assertQuiet(200);
  }

  @Test
  void eventsArriveInSequenceOrder() {
    connect("?subscribe=*");
    for (int i = 0; i < 50; i++) {
      publish.structured(Publish.error("svc", "low"));
    }
    long previous = -1;
    for (JsonObject event : client.next(50)) {
      long sequence = Long.parseLong(event.getString("sequence"));
      assertEquals(previous < 0 ? sequence : previous + 1, sequence);
      previous = sequence;
    }
  }

  private static JsonObject subscribe(List<String> types, JsonObject filters) {
    JsonObject command =
        new JsonObject().put("command", "subscribe").put("eventTypes", new JsonArray(types));
    return filters == null ? command : command.put("filters", filters);
  }
}
