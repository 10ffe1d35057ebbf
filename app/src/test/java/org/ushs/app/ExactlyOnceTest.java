package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ushs.common.event.EventEnricher;
import org.ushs.common.log.Epochs;
import org.ushs.common.log.IdMatch;
import org.ushs.common.log.PartitionId;
import org.ushs.common.log.hazelcast.RingbufferEventLog;

/**
 * Exactly-once publishing from the log itself, on three real nodes: a retry on another node gets
 * the first sequence and epoch; the same id from two sources is two events; and when the log's
 * owner leaves, the member taking the partition over rebuilds its index from the ring before it
 * takes a publish, so an event appended by the old owner but never acknowledged is found there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactlyOnceTest {

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
  @Order(1)
  void aRetryOnAnotherNodeIsAcknowledgedWithTheFirstSequenceAndEpoch() {
    JsonObject event = Publish.error("svc", "high");
    JsonObject first = accepted(publisher(0).structured(event));
    long tail = tail();

    JsonObject retry = accepted(publisher(1).structured(event));

    assertEquals(first, retry);
    assertTrue(Epochs.valid(first.getString("epoch")), first.encode());
    assertEquals(tail, tail(), "nothing appended");
  }

  @Test
  @Order(2)
  void theSameIdFromTwoSourcesIsLoggedAsTwoEvents() {
    JsonObject one = Publish.error("svc", "high").put("id", "shared-id");
    JsonObject other = one.copy().put("source", "/another/source");

    long a = Long.parseLong(accepted(publisher(0).structured(one)).getString("sequence"));
    long b = Long.parseLong(accepted(publisher(2).structured(other)).getString("sequence"));

    assertNotEquals(a, b);
    RingbufferEventLog log = log(0);
    assertEquals(a, TestNodes.await(log.find("/healing/detector", "shared-id")));
    assertEquals(b, TestNodes.await(log.find("/another/source", "shared-id")));
    assertEquals(new IdMatch(Math.max(a, b), true), TestNodes.await(log.findId("shared-id")));
    assertEquals(-1L, TestNodes.await(log.find("shared-id")), "a bare id names no single place");
  }

  @Test
  @Order(3)
  void theNewOwnerRebuildsItsIndexBeforeTakingPublishesAndKeepsTheEpoch() {
    String epoch =
        accepted(publisher(0).structured(Publish.error("svc", "low"))).getString("epoch");
    JsonObject unacknowledged = Publish.error("svc", "high");
    int owner = owner();
    long appended =
        TestNodes.await(
            log(owner).append(epoch, List.of(EventEnricher.enrich(unacknowledged, Instant.now()))));
    TestNodes.await(nodes.node(owner).close()); // the owner leaves; a survivor takes over
    int survivor = owner == 0 ? 1 : 0;
    long tail = tailOn(survivor);

    JsonObject retry = accepted(publisherOn(survivor).structured(unacknowledged));

    assertEquals(Long.toString(appended), retry.getString("sequence"));
    assertEquals(epoch, retry.getString("epoch"), "a takeover keeps the epoch");
    assertEquals(tail, tailOn(survivor), "nothing appended twice");
    JsonObject fresh = accepted(publisherOn(survivor).structured(Publish.error("svc", "low")));
    assertEquals(Long.toString(appended + 1), fresh.getString("sequence"));
  }

  private static int owner() {
    for (int i = 0; i < 3; i++) {
      var hz = nodes.node(i).hazelcast();
      if (hz.getPartitionService()
          .getPartition(PartitionId.ZERO.logName())
          .getOwner()
          .localMember()) {
        return i;
      }
    }
    throw new AssertionError("no owner");
  }

  private static Publish publisher(int node) {
    return publisherOn(node);
  }

  private static Publish publisherOn(int node) {
    return new Publish(vertx, nodes.node(node).ingestPort(), TestNodes.publisherToken(vertx));
  }

  private static RingbufferEventLog log(int node) {
    return new RingbufferEventLog(
        nodes.node(node).vertx(), nodes.node(node).hazelcast(), PartitionId.ZERO, 100_000);
  }

  private static long tail() {
    return tailOn(0);
  }

  private static long tailOn(int node) {
    return nodes.node(node).hazelcast().getRingbuffer(PartitionId.ZERO.logName()).tailSequence();
  }

  private static JsonObject accepted(HttpResponse<Buffer> response) {
    assertEquals(202, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonArray("accepted").getJsonObject(0);
  }
}
