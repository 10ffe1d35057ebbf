package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ushs.app.ReplayTest.assertReplay;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node with no client stops receiving events (the cluster sends it none), and the client that
 * wakes it misses nothing: a resume by an id it saw, or by one published while it slept, replays
 * from the log, and an event published right after the client's 101 reaches it live. Events are
 * published through node 0; node 1 has no client until the test connects one.
 */
@Tag("integration")
class DormantNodeTest {

  @RegisterExtension static final NodesExtension nodes = NodesExtension.start(2);

  @Test
  void aClientThatWakesANodeMissesNothing() throws Exception {
    Node quiet = nodes.node(1);
    List<JsonObject> before = publish(2);
    awaitEvents(quiet, "dormant");
    List<JsonObject> during = publish(4);

    WsClient seenBefore = connect(quiet, before.get(1).getString("id"));
    assertIds(during, seenBefore.next(4));
    assertReplay(seenBefore.next(), true, 4);
    assertEquals("receiving", events(quiet));
    WsClient seenWhileDormant = connect(quiet, during.get(1).getString("id"));
    assertIds(during.subList(2, 4), seenWhileDormant.next(2));
    assertReplay(seenWhileDormant.next(), true, 2);

    List<JsonObject> after = publish(1);
    assertIds(after, seenBefore.next(1));
    assertIds(after, seenWhileDormant.next(1));
    seenBefore.close();
    seenWhileDormant.close();
  }

  @Test
  void aNewClientOfANodeWokenAgainGetsWhatIsPublishedRightAfterItConnected() throws Exception {
    Node quiet = nodes.node(1);
    awaitEvents(quiet, "dormant");
    publish(3);

    WsClient client = connect(quiet, null);
    List<JsonObject> after = publish(2);
    assertIds(after, client.next(2));
    client.close();
  }

  private static List<JsonObject> publish(int count) {
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonObject event = Publish.error("svc", "low");
      nodes.publish().ok(event);
      events.add(event);
    }
    return events;
  }

  private static WsClient connect(Node node, String lastEventId) {
    return WsClient.connect(
        nodes.vertx(),
        node.gatewayPort(),
        "/ushs/v1/ws?subscribe=error",
        nodes.subscriberToken(),
        lastEventId);
  }

  private static void assertIds(List<JsonObject> expected, List<JsonObject> received) {
    assertEquals(
        expected.stream().map(e -> e.getString("id")).toList(),
        received.stream().map(e -> e.getString("id")).toList());
  }

  /** Waits (up to 20 s; the node goes dormant 5 s after its last client) for the state. */
  private static void awaitEvents(Node node, String state) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!state.equals(events(node)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(state, events(node));
  }

  private static String events(Node node) {
    WebClient web = WebClient.create(nodes.vertx());
    try {
      return TestNodes.await(web.get(node.ingestPort(), "127.0.0.1", "/health/ready").send())
          .bodyAsJsonObject()
          .getString("events");
    } finally {
      web.close();
    }
  }
}
