package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the log's owner between an append and its acknowledgement (the writer is made to stall
 * there by the test-only hook {@link LogWiring#STALL_HOOK}), then the client's retry to another
 * node: the member that took the partition over finds the event in the ring and acknowledges it
 * with its sequence, and a client resuming sees it once. Three node processes.
 */
class OwnerKillTest {

  private static final int ATTEMPTS = 40;

  private static Vertx vertx;
  private static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    cluster = ProcessCluster.start(vertx, "owner-kill", 3, Map.of(LogWiring.STALL_HOOK, "2000"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    cluster.stop();
    TestNodes.await(vertx.close());
  }

  @Test
  void aRetryAfterTheOwnerDiedBetweenAppendAndAckIsLoggedOnce() throws Exception {
    NodeProcess owner = cluster.logOwner(vertx);
    NodeProcess survivor = cluster.alive().stream().filter(n -> n != owner).findFirst().get();
    String token = TestNodes.publisherToken(vertx);
    Publish toSurvivor = new Publish(vertx, survivor.ingestPort, token);
    JsonObject warmUp = Publish.error("warm-up", "low");
    long before = toSurvivor.ok(warmUp);
    JsonObject event = Publish.error("svc", "high");

    WebClient toOwner = WebClient.create(vertx);
    toOwner
        .post(owner.ingestPort, "127.0.0.1", "/ushs/v1/events")
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/cloudevents+json")
        .sendBuffer(event.toBuffer()); // never acknowledged: the owner dies while stalling
    cluster.await(vertx, survivor, r -> r.getLong("newestSequence", -1L) == before + 1, "appended");
    owner.kill();

    long retried = retry(toSurvivor, event);
    long fresh = retry(toSurvivor, Publish.error("svc", "low"));

    assertEquals(before + 1, retried, "acknowledged at the sequence the dead owner appended");
    assertEquals(before + 2, fresh, "and not appended again");
    WsClient resumed =
        WsClient.connect(
            vertx,
            survivor.gatewayPort,
            "/ushs/v1/ws?subscribe=*",
            TestNodes.subscriberToken(vertx),
            warmUp.getString("id"));
    List<JsonObject> replayed = resumed.next(3);
    assertEquals(event.getString("id"), replayed.get(0).getString("id"));
    assertEquals(Long.toString(before + 2), replayed.get(1).getString("sequence"));
    assertEquals("replay", replayed.get(2).getString("type"));
    assertTrue(replayed.get(2).getBoolean("recovered"));
    resumed.assertQuiet(500);
    resumed.close();
    toOwner.close();
    toSurvivor.close();
  }

  /** As a publisher would: the same event again until acknowledged (503 while owners change). */
  private static long retry(Publish publish, JsonObject event) throws InterruptedException {
    AssertionError last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        return publish.ok(event);
      } catch (AssertionError e) {
        last = e;
        Thread.sleep(250);
      }
    }
    throw last;
  }
}
