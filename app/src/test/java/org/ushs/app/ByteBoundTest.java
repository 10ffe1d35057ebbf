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
import org.junit.jupiter.api.Test;

/**
 * Publishing 1 MiB events into a node of 256 MiB heap, whose log is bounded by the default {@code
 * USHS_REPLAY_MAX_BYTES} (an eighth of the heap): publishes are accepted until the bound, then
 * refused 503 "Replay log full", the node stays up (no OutOfMemoryError: it would exit), and its
 * readiness says it cannot append. By count alone, 256 such events would have filled the heap.
 */
class ByteBoundTest {

  private static final int EVENT_BYTES = 1 << 20;
  private static final int MAX_EVENTS = 256;

  private static Vertx vertx;
  private static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    cluster = ProcessCluster.start(vertx, "byte-bound", 1, Map.of("USHS_MAX_BODY", "2MiB"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    cluster.stop();
    TestNodes.await(vertx.close());
  }

  @Test
  void bigEventsAreRefusedAtTheByteBoundAndTheNodeStaysUpAndSaysSo() {
    NodeProcess node = cluster.node(0);
    Publish publish = new Publish(vertx, node.ingestPort, TestNodes.publisherToken(vertx));
    String padding = "x".repeat(EVENT_BYTES);
    int accepted = 0;
    HttpResponse<Buffer> refused = null;
    for (int i = 0; i < MAX_EVENTS && refused == null; i++) {
      JsonObject event = Publish.error("svc", "low");
      event.getJsonObject("data").put("padding", padding);
      HttpResponse<Buffer> response = publish.structured(event);
      if (response.statusCode() == 202) {
        accepted++;
      } else {
        refused = response;
      }
    }

    assertTrue(refused != null, "never refused after " + accepted + " MiB");
    assertEquals(503, refused.statusCode(), refused.bodyAsString());
    assertEquals("Replay log full", refused.bodyAsJsonObject().getString("title"));
    assertTrue(accepted >= 16 && accepted < 32, accepted + " MiB accepted of a 32 MiB bound");
    assertTrue(node.isAlive(), "no OutOfMemoryError");
    HttpResponse<Buffer> ready =
        TestNodes.await(
            WebClient.create(vertx).get(node.ingestPort, "127.0.0.1", "/health/ready").send());
    assertEquals(503, ready.statusCode());
    assertTrue(ready.bodyAsString().contains("cannot append"), ready.bodyAsString());
    publish.close();
  }
}
