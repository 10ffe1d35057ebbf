package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Quorum counts the listed members only (issue 15): three listed nodes and a fourth that joined
 * with their list, as {@code scripts/cluster.sh add} does; with two listed nodes gone, the
 * remaining listed node and the unlisted one are two members, but one of three listed: no quorum,
 * publishes refused with 503 and the node not ready. Counting every full member, they would have
 * kept a "majority" and accepted writes that the other side of a split could also accept.
 */
@Tag("integration")
class QuorumClusterTest {

  private static TestNodes nodes;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(3, Map.of());
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  @Test
  void anUnlistedNodeNeverMakesUpAMajority() {
    Node unlisted = nodes.joinUnlisted(Map.of());
    Node listed = nodes.node(0);
    assertEquals(202, publish(unlisted), "four members, three listed: writable");
    TestNodes.await(nodes.node(1).close());
    assertEquals(202, publish(unlisted), "two of three listed present: writable");
    TestNodes.await(nodes.node(2).close());

    JsonObject readiness = awaitNotReady(listed);
    assertTrue(
        readiness.getString("reason", "").startsWith("no quorum: 1 of 3 listed nodes present"),
        readiness.encode());
    awaitNotReady(unlisted);
    assertEquals(503, publish(listed), "one listed node and an unlisted one are no majority");
    assertEquals(503, publish(unlisted));
  }

  private static int publish(Node node) {
    Publish publish = new Publish(vertx, node.ingestPort(), TestNodes.publisherToken(vertx));
    try {
      return publish.structured(Publish.error("quorum", "low")).statusCode();
    } finally {
      publish.close();
    }
  }

  private static JsonObject awaitNotReady(Node node) {
    WebClient web = WebClient.create(vertx);
    try {
      long deadline = System.currentTimeMillis() + 30_000;
      while (true) {
        HttpResponse<Buffer> response =
            TestNodes.await(web.get(node.ingestPort(), "127.0.0.1", "/health/ready").send());
        if (response.statusCode() == 503) {
          return response.bodyAsJsonObject();
        }
        assertTrue(
            System.currentTimeMillis() < deadline, "still ready: " + response.bodyAsString());
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      web.close();
    }
  }
}
