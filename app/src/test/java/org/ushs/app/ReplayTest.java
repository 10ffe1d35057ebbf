package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.common.auth.Permissions;
import org.ushs.common.event.Category;

/** Last-Event-ID resume on a real node: the answer, the seam, filters and permissions. */
@Tag("integration")
class ReplayTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private final List<WsClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of());
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

  private WsClient resume(String query, String lastEventId, String token) {
    WsClient client =
        WsClient.connect(
            vertx, nodes.node(0).gatewayPort(), "/ushs/v1/ws" + query, token, lastEventId);
    clients.add(client);
    return client;
  }

  private WsClient resume(String lastEventId) {
    return resume("?subscribe=*", lastEventId, TestNodes.subscriberToken(vertx));
  }

  private static List<JsonObject> publishErrors(int count) {
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonObject event = Publish.error(i % 2 == 0 ? "even" : "odd", "high");
      long sequence = publish.ok(event);
      events.add(event.copy().put("sequence", Long.toString(sequence)));
    }
    return events;
  }

  @Test
  void resumeFromTheMiddleReplaysWhatFollowsThenGoesLive() {
    List<JsonObject> events = publishErrors(10);
    WsClient client = resume(events.get(3).getString("id"));
    for (JsonObject expected : events.subList(4, 10)) {
      assertEquals(expected.getString("id"), client.next().getString("id"));
    }
    assertReplay(client.next(), true, 6);
    JsonObject live = Publish.error("live", "low");
    publish.ok(live);
    assertEquals(live.getString("id"), client.next().getString("id"));
  }

  @Test
  void resumeFromTheLastEventReplaysNothingAndIsRecovered() {
    List<JsonObject> events = publishErrors(3);
    WsClient client = resume(events.get(2).getString("id"));
    assertReplay(client.next(), true, 0);
  }

  @Test
  void anUnknownIdReplaysNothingAndSaysSoThenGoesLive() {
    publishErrors(2);
    WsClient client = resume("never-published");
    assertReplay(client.next(), false, 0);
    JsonObject live = Publish.error("live", "low");
    publish.ok(live);
    assertEquals(live.getString("id"), client.next().getString("id"));
  }

  @Test
  void theQueryParameterFormWorksLikeTheHeader() {
    List<JsonObject> events = publishErrors(3);
    WsClient client =
        resume(
            "?subscribe=error&lastEventId=" + events.get(0).getString("id"),
            null,
            TestNodes.subscriberToken(vertx));
    assertEquals(events.get(1).getString("id"), client.next().getString("id"));
    assertEquals(events.get(2).getString("id"), client.next().getString("id"));
    assertReplay(client.next(), true, 2);
  }

  @Test
  void replayAppliesTheSubscriptionFiltersAndThePermissions() {
    List<JsonObject> events = publishErrors(6);
    publish.ok(Publish.session("s-1"));
    String onlyOdd =
        TestNodes.token(vertx, new Permissions(Set.of(Category.ERROR), Set.of("odd"), false));
    WsClient client = resume("?subscribe=*", events.get(0).getString("id"), onlyOdd);
    for (int i : new int[] {1, 3, 5}) {
      assertEquals(events.get(i).getString("id"), client.next().getString("id"));
    }
    assertReplay(client.next(), true, 3);
    client.assertQuiet(200);
  }

  @Test
  void theSeamUnderConcurrentPublishingHasNoGapAndNoDuplicate() throws InterruptedException {
    List<JsonObject> before = publishErrors(50);
    long firstSequence = sequenceOf(before.get(0));
    int during = 300;
    Thread publisher = new Thread(() -> publishErrors(during));
    publisher.start();
    WsClient client = resume(before.get(9).getString("id"));
    publisher.join(60_000);
    int expected = 40 + during;
    List<JsonObject> received = new ArrayList<>();
    JsonObject replay = null;
    while (received.size() < expected) {
      JsonObject message = client.next();
      if ("replay".equals(message.getString("type"))) {
        replay = message;
      } else {
        received.add(message);
      }
    }
    assertTrue(replay != null && replay.getBoolean("recovered"), "replay answer " + replay);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < received.size(); i++) {
      assertEquals(firstSequence + 10 + i, sequenceOf(received.get(i)), "gap or duplicate at " + i);
      assertTrue(ids.add(received.get(i).getString("id")));
    }
    client.assertQuiet(300);
  }

  @Test
  void earliestReplaysEverythingRetained() {
    List<JsonObject> events = publishErrors(2);
    WsClient client = resume("earliest");
    List<JsonObject> received = new ArrayList<>();
    JsonObject message = client.next();
    while (!"replay".equals(message.getString("type"))) {
      received.add(message);
      message = client.next();
    }
    assertEquals(0, sequenceOf(received.get(0)), "from the start of the log");
    assertEquals(events.get(1).getString("id"), received.get(received.size() - 1).getString("id"));
    assertReplay(message, true, received.size());
  }

  static long sequenceOf(JsonObject event) {
    return Long.parseLong(event.getString("sequence"));
  }

  static void assertReplay(JsonObject message, boolean recovered, int count) {
    assertEquals("replay", message.getString("type"), message.encode());
    assertEquals(recovered, message.getBoolean("recovered"), message.encode());
    assertEquals(count, message.getInteger("count"), message.encode());
  }
}
