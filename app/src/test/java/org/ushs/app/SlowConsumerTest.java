package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md section 7, slow consumers: with {@code USHS_MAX_PENDING} 64 KiB, clients that stop
 * reading are closed 4006 while another client gets every event, and one that never reads again is
 * dropped after the 10 s close wait.
 */
@Tag("integration")
class SlowConsumerTest {

  private static final int BATCHES = 10;
  private static final int BATCH = 50;
  private static final String PADDING = "x".repeat(16_000);

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private static int port;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of("USHS_MAX_PENDING", "64KiB"));
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

  @Test
  void stalledReadersAreClosed4006WhileAnotherClientGetsEveryEvent() throws IOException {
    String token = TestNodes.subscriberToken(vertx);
    String uri = "/ushs/v1/ws?subscribe=*";
    try (RawWsClient resumes = RawWsClient.connect(port, uri, token, 4096);
        RawWsClient neverReads = RawWsClient.connect(port, uri, token, 4096)) {
      WsClient fast = WsClient.connect(vertx, port, uri, token);
      long worst = 0;
      for (int b = 0; b < BATCHES; b++) {
        List<String> ids = publishBatch();
        long acked = System.nanoTime();
        for (String id : ids) {
          assertEquals(id, fast.next().getString("id"));
        }
        worst = Math.max(worst, System.nanoTime() - acked);
      }
      long fastDone = System.nanoTime();
      long worstMs = TimeUnit.NANOSECONDS.toMillis(worst);
      System.out.println("slowest batch to the fast client after its ack: " + worstMs + " ms");
      assertTrue(worstMs < 3000, worstMs + " ms");
      fast.close();

      RawWsClient.Frame close = resumes.awaitClose(10_000);
      assertNotNull(close, "dropped before it could read the close frame");
      assertEquals(4006, close.closeCode());
      assertEquals("slow consumer", close.closeReason());

      long dropAfter = fastDone + TimeUnit.SECONDS.toNanos(11) - System.nanoTime();
      pause(TimeUnit.NANOSECONDS.toMillis(Math.max(0, dropAfter)));
      assertNull(neverReads.awaitClose(20_000), "the close frame was still queued: not dropped");
    }
  }

  private static List<String> publishBatch() {
    JsonArray events = new JsonArray();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      JsonObject event = Publish.error("svc", "high");
      event.getJsonObject("data").put("summary", PADDING);
      events.add(event);
      ids.add(event.getString("id"));
    }
    HttpResponse<Buffer> response = publish.batch(events);
    assertEquals(202, response.statusCode(), response.bodyAsString());
    return ids;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
