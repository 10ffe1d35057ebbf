package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Priority shedding (README, connection management): a client that has stopped reading under a
 * mixed stream, mostly {@code low} and {@code medium} with some {@code high} and {@code critical},
 * gets every critical and high event once it reads again; the low and medium ones it misses are
 * each inside a {@code gap} with reason {@code shed} sent before the next event that went, and it
 * is not closed 4006.
 */
@Tag("integration")
class PriorityShedTest {

  private static final int EVENTS = 1200;
  private static final int BATCH = 50;
  private static final String PADDING = "x".repeat(8000);

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private static int port;

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

  @Test
  void aStalledClientKeepsEveryCriticalAndHighEventAndIsToldWhatWasShed() throws IOException {
    String token = TestNodes.subscriberToken(vertx);
    try (RawWsClient slow = RawWsClient.connect(port, "/ushs/v1/ws?subscribe=*", token, 4096)) {
      Map<String, String> severityById = new HashMap<>();
      String last = null;
      for (int i = 0; i < EVENTS; i += BATCH) {
        last = publishBatch(i, severityById);
      }
      List<JsonObject> gaps = new ArrayList<>();
      Map<String, Long> sequenceById = new HashMap<>();
      long lastSequence = -1;
      while (!sequenceById.containsKey(last)) {
        RawWsClient.Frame frame = slow.next(30_000);
        assertNotEquals(RawWsClient.CLOSE, frame.opcode(), "closed: " + frame.closeCode());
        if (frame.opcode() != RawWsClient.TEXT) {
          continue;
        }
        JsonObject message = new JsonObject(frame.text());
        if ("gap".equals(message.getString("type"))) {
          assertEquals("shed", message.getString("reason"));
          assertTrue(Long.parseLong(message.getString("from")) > lastSequence, "gap in order");
          gaps.add(message);
        } else if (message.containsKey("sequence")) {
          long sequence = Long.parseLong(message.getString("sequence"));
          assertTrue(gaps.isEmpty() || lastGapTo(gaps) < sequence, "gap before the next event");
          sequenceById.put(message.getString("id"), sequence);
          lastSequence = sequence;
        }
      }
      assertTrue(!gaps.isEmpty(), "nothing was shed: the test proves nothing");
      long shed = 0;
      for (JsonObject gap : gaps) {
        shed += gap.getLong("count");
      }
      int missing = 0;
      for (Map.Entry<String, String> event : severityById.entrySet()) {
        boolean kept = event.getValue().equals("critical") || event.getValue().equals("high");
        if (kept) {
          assertTrue(sequenceById.containsKey(event.getKey()), event + " was not delivered");
        } else if (!sequenceById.containsKey(event.getKey())) {
          missing++;
        }
      }
      assertEquals(missing, shed, "every missed event is counted in a gap");
      System.out.println("shed " + shed + " of " + EVENTS + " events in " + gaps.size() + " gaps");
    }
  }

  private static long lastGapTo(List<JsonObject> gaps) {
    return Long.parseLong(gaps.get(gaps.size() - 1).getString("to"));
  }

  /** Publishes events {@code first..first+BATCH-1}; returns the id of the last (critical). */
  private static String publishBatch(int first, Map<String, String> severityById) {
    JsonArray events = new JsonArray();
    String id = null;
    for (int i = first; i < first + BATCH; i++) {
      String severity = severity(i);
      JsonObject event = Publish.error("svc", severity);
      event.getJsonObject("data").put("summary", PADDING);
      events.add(event);
      id = event.getString("id");
      severityById.put(id, severity);
    }
    HttpResponse<Buffer> response = publish.batch(events);
    assertEquals(202, response.statusCode(), response.bodyAsString());
    return id;
  }

  /**
   * One in 25 critical, one in 25 high (less than a quarter of the bound in all), else low/medium.
   */
  private static String severity(int index) {
    if (index == EVENTS - 1 || index % 25 == 0) {
      return "critical";
    }
    if (index % 25 == 12) {
      return "high";
    }
    return index % 2 == 0 ? "low" : "medium";
  }
}
