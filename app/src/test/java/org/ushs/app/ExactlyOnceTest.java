package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.EventEnricher;
import org.ushs.common.log.PublishDedupe;
import org.ushs.common.log.RingbufferEventLog;

/**
 * A publish that finds a reservation in the dedupe map, as left by an attempt that was cut short
 * (its node killed between append and remember, or its append failed): the event is logged once,
 * whether or not the earlier attempt reached the log, and a live node's fresh reservation makes a
 * second publisher retry. Two real nodes; the leftover state is written directly.
 */
class ExactlyOnceTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(2, Map.of());
    vertx = Vertx.vertx();
    publish = new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
  }

  @AfterAll
  static void stop() {
    publish.close();
    vertx.close();
    nodes.close();
  }

  @ParameterizedTest(name = "reserved by {0} {1} s ago, in the log: {2} -> {3}, appends {4}")
  @CsvSource({
    "DEAD,  0,  true,  202, 0",
    "DEAD,  0,  false, 202, 1",
    "SELF,  0,  true,  202, 0",
    "SELF,  0,  false, 202, 1",
    "OTHER, 0,  false, 503, 0",
    "OTHER, 60, false, 202, 1",
    "OTHER, 60, true,  202, 0",
  })
  void aLeftoverReservationNeverLogsAnEventTwice(
      String owner, int ageSeconds, boolean inLog, int status, int appends) {
    HazelcastInstance hazelcast = nodes.node(0).hazelcast();
    JsonObject event = Publish.error("svc", "high");
    String key = PublishDedupe.keyOf(EventEnricher.enrich(event, Instant.now()).keys());
    long earlier = inLog ? appendDirectly(event) : -1;
    IMap<String, String> dedupe = hazelcast.getMap(PublishDedupe.MAP);
    long at = System.currentTimeMillis() - ageSeconds * 1000L;
    dedupe.put(key, "@" + member(owner) + "/1/" + at);
    long tailBefore = tail();

    HttpResponse<Buffer> response = publish.structured(event);

    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals(tailBefore + appends, tail(), "events appended");
    if (status == 202) {
      long sequence = sequenceOf(response);
      assertEquals(inLog ? earlier : tailBefore + 1, sequence);
      assertEquals(Long.toString(sequence), dedupe.get(key), "remembered");
      assertEquals(sequence, publish.ok(event), "a retry gets the same sequence");
      assertEquals(tailBefore + appends, tail(), "and appends nothing");
    }
  }

  private static String member(String owner) {
    return switch (owner) {
      case "SELF" -> uuid(0);
      case "OTHER" -> uuid(1);
      default -> UUID.randomUUID().toString();
    };
  }

  private static String uuid(int node) {
    return nodes.node(node).hazelcast().getCluster().getLocalMember().getUuid().toString();
  }

  private static long appendDirectly(JsonObject event) {
    RingbufferEventLog log =
        new RingbufferEventLog(nodes.node(1).vertx(), nodes.node(1).hazelcast(), 100_000);
    return TestNodes.await(log.append(List.of(EventEnricher.enrich(event, Instant.now()))));
  }

  private static long tail() {
    return nodes.node(0).hazelcast().getRingbuffer(RingbufferEventLog.RING).tailSequence();
  }

  private static long sequenceOf(HttpResponse<Buffer> response) {
    return Long.parseLong(
        response
            .bodyAsJsonObject()
            .getJsonArray("accepted")
            .getJsonObject(0)
            .getString("sequence"));
  }
}
