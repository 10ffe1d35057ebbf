package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ushs.app.ReplayTest.assertReplay;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay follows the subscription whenever it is made (CONTRACT §6), and every resume form of
 * docs/decisions/positions-gaps-resume.md, on a real node.
 */
class ResumeFormsTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private final List<WsClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of("USHS_RESUME_WAIT", "1500ms"));
    vertx = Vertx.vertx();
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
    clients.forEach(WsClient::close);
  }

  private WsClient connect(String query, String lastEventId) {
    WsClient client =
        WsClient.connect(
            vertx,
            nodes.node(0).gatewayPort(),
            "/ushs/v1/ws" + query,
            TestNodes.subscriberToken(vertx),
            lastEventId);
    clients.add(client);
    return client;
  }

  private static List<JsonObject> publishErrors(int count, String severity) {
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(published(Publish.error("svc", severity)));
    }
    return events;
  }

  private static JsonObject published(JsonObject event) {
    long sequence = publish.ok(event);
    return event.copy().put("sequence", Long.toString(sequence));
  }

  private static JsonObject subscribe(String... types) {
    return new JsonObject()
        .put("command", "subscribe")
        .put("eventTypes", new JsonArray(List.of(types)));
  }

  private static void assertIds(List<JsonObject> expected, WsClient client) {
    for (JsonObject event : expected) {
      assertEquals(event.getString("id"), client.next().getString("id"));
    }
  }

  @Test
  void resumeThenSubscribeByCommandGetsWhatItMissed() {
    List<JsonObject> events = publishErrors(5, "high");
    WsClient client = connect("", events.get(1).getString("id"));
    assertEquals("subscribed", client.request(subscribe("error"), "subscribed").getString("type"));
    assertIds(events.subList(2, 5), client);
    assertReplay(client.next(), true, 3);
    JsonObject live = published(Publish.error("live", "low"));
    assertEquals(live.getString("id"), client.next().getString("id"));
  }

  @Test
  void aSeverityFilteredSubscriptionNamingItsOwnPointResumesToo() {
    List<JsonObject> events = new ArrayList<>();
    events.add(published(Publish.error("svc", "low")));
    events.add(published(Publish.error("svc", "critical")));
    events.add(published(Publish.error("svc", "low")));
    events.add(published(Publish.error("svc", "critical")));
    WsClient client = connect("", null);
    JsonObject command =
        subscribe("error")
            .put("filters", new JsonObject().put("severity", new JsonArray().add("critical")))
            .put("lastEventId", events.get(0).getString("id"));
    client.request(command, "subscribed");
    assertIds(List.of(events.get(1), events.get(3)), client);
    assertReplay(client.next(), true, 2);
  }

  @Test
  void aSecondSubscriptionGetsOnlyWhatTheFirstDidNotDeliver() {
    JsonObject from = published(Publish.error("svc", "high"));
    JsonObject error = published(Publish.error("svc", "high"));
    JsonObject session = published(Publish.session("s-9"));
    WsClient client = connect("?subscribe=error", from.getString("id"));
    assertEquals(error.getString("id"), client.next().getString("id"));
    assertReplay(client.next(), true, 1);
    client.send(subscribe("session", "error"));
    assertEquals("subscribed", client.next().getString("type"));
    assertEquals(session.getString("id"), client.next().getString("id"), "error not again");
    assertReplay(client.next(), true, 1);
    client.assertQuiet(200);
  }

  @Test
  void aResumePointWithoutSubscriptionAnswersAfterTheWait() {
    List<JsonObject> events = publishErrors(2, "high");
    WsClient client = connect("", events.get(0).getString("id"));
    JsonObject replay = client.next();
    assertReplay(replay, true, 0);
    client.request(subscribe("error"), "subscribed");
    assertIds(events.subList(1, 2), client);
    assertReplay(client.next(), true, 1);
  }

  @Test
  void theSameIdFromTwoSourcesResumesRightByItsSourceAndNotByTheBareId() {
    JsonObject first = published(Publish.error("svc", "high").put("id", "shared-id"));
    List<JsonObject> between = publishErrors(2, "high");
    JsonObject second =
        published(Publish.error("svc", "high").put("id", "shared-id").put("source", "/other"));
    List<JsonObject> after = publishErrors(1, "high");
    WsClient bySource =
        connect(
            "?subscribe=error&lastEventId=shared-id&lastEventSource="
                + URLEncoder.encode("/healing/detector", StandardCharsets.UTF_8),
            null);
    assertIds(between, bySource);
    assertEquals(second.getString("id"), bySource.next().getString("id"));
    assertIds(after, bySource);
    assertReplay(bySource.next(), true, 4);
    WsClient bare = connect("?subscribe=error", first.getString("id"));
    assertReplay(bare.next(), false, 0);
  }

  @Test
  void aPositionOfTheSameEpochResumesAndOfAnotherEpochDoesNot() {
    List<JsonObject> events = publishErrors(3, "high");
    WsClient probe = connect("?subscribe=error", events.get(2).getString("id"));
    JsonObject answer = probe.next();
    assertReplay(answer, true, 0);
    String epoch = answer.getString("epoch");
    assertTrue(epoch.matches("[0-9a-f]{16}"), answer.encode());
    String position = epoch + ":" + events.get(0).getString("sequence");
    WsClient same = connect("?subscribe=error&lastPosition=" + position, null);
    assertIds(events.subList(1, 3), same);
    assertReplay(same.next(), true, 2);
    String other = (epoch.equals("ffffffffffffffff") ? "0000000000000001" : "ffffffffffffffff");
    WsClient stale = connect("?subscribe=error&lastPosition=" + other + ":0", null);
    assertReplay(stale.next(), false, 0);
  }

  @Test
  void aMalformedPositionIsRefusedWith4000() {
    WsClient client = connect("?subscribe=error&lastPosition=nonsense", null);
    JsonObject error = client.next();
    assertEquals(4000, error.getInteger("code"), error.encode());
    assertEquals("lastPosition", error.getJsonObject("details").getString("field"));
  }
}
