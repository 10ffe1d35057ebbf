package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ushs.app.ReplayTest.assertReplay;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Resume against a log that keeps only 20 events: what left retention is never half-replayed. */
@Tag("integration")
class ReplayRetentionTest {

  private static final int CAPACITY = 20;

  private static TestNodes nodes;
  private static Vertx vertx;
  private static final List<JsonObject> EVENTS = new ArrayList<>();

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of("USHS_REPLAY_CAPACITY", Integer.toString(CAPACITY)));
    vertx = Vertx.vertx();
    Publish publish =
        new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
    for (int i = 0; i < CAPACITY + 10; i++) {
      JsonObject event = Publish.error("svc", "low");
      publish.ok(event);
      EVENTS.add(event);
    }
    publish.close();
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  private static WsClient resume(String lastEventId) {
    return WsClient.connect(
        vertx,
        nodes.node(0).gatewayPort(),
        "/ushs/v1/ws?subscribe=*",
        TestNodes.subscriberToken(vertx),
        lastEventId);
  }

  @Test
  void anEvictedIdReplaysNothingAndSaysNotRecovered() {
    WsClient client = resume(EVENTS.get(2).getString("id"));
    assertReplay(client.next(), false, 0);
    client.close();
  }

  @Test
  void theOldestRetainedIdReplaysTheRest() {
    WsClient client = resume(EVENTS.get(10).getString("id"));
    List<JsonObject> received = client.next(CAPACITY - 1);
    assertEquals(EVENTS.get(11).getString("id"), received.get(0).getString("id"));
    assertReplay(client.next(), true, CAPACITY - 1);
    client.close();
  }

  @Test
  void earliestReplaysWhatIsRetained() {
    WsClient client = resume("earliest");
    List<JsonObject> received = client.next(CAPACITY);
    assertEquals(EVENTS.get(10).getString("id"), received.get(0).getString("id"));
    assertEquals(EVENTS.get(29).getString("id"), received.get(CAPACITY - 1).getString("id"));
    assertReplay(client.next(), true, CAPACITY);
    client.close();
  }
}
