package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ushs.app.ReplayTest.assertReplay;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resume on another node than the one the client left, and on a node that joined later. */
@Tag("integration")
class ReplayClusterTest {

  @RegisterExtension static final NodesExtension nodes = NodesExtension.start(2);
  private static final List<JsonObject> EVENTS = new ArrayList<>();

  @BeforeAll
  static void publish() {
    for (int i = 0; i < 8; i++) {
      JsonObject event = Publish.error("svc", "low");
      nodes.publish().ok(event);
      EVENTS.add(event);
    }
  }

  private static void assertResumesAfterThird(Node node) {
    WsClient client =
        WsClient.connect(
            nodes.vertx(),
            node.gatewayPort(),
            "/ushs/v1/ws?subscribe=error",
            nodes.subscriberToken(),
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
