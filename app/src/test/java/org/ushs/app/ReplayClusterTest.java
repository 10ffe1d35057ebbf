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
import org.junit.jupiter.api.Test;

/** Resume on another node than the one the client left, and on a node that joined later. */
class ReplayClusterTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static final List<JsonObject> EVENTS = new ArrayList<>();

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(2, Map.of());
    vertx = Vertx.vertx();
    Publish publish =
        new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
    for (int i = 0; i < 8; i++) {
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

  private static void assertResumesAfterThird(Node node) {
    WsClient client =
        WsClient.connect(
            vertx,
            node.gatewayPort(),
            "/ushs/v1/ws?subscribe=error",
            TestNodes.subscriberToken(vertx),
            EVENTS.get(2).getString("id"));
    for (JsonObject expected : EVENTS.subList(3, EVENTS.size())) {
      assertEquals(expected.getString("id"), client.next().getString("id"));
    }
    assertReplay(client.next(), true, EVENTS.size() - 3);
    client.close();
  }

  @Test
  void aClientResumesOnEitherNodeWithTheSameResult() {
    assertResumesAfterThird(nodes.node(0));
    assertResumesAfterThird(nodes.node(1));
  }

  @Test
  void aGatewayThatJoinedLaterFindsTheIdInTheLog() {
    Node late = nodes.join(Map.of("USHS_ROLES", "gateway"));
    assertResumesAfterThird(late);
  }
}
