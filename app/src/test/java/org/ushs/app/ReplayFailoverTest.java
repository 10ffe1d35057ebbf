package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.ushs.app.ReplayTest.assertReplay;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three node processes: kill -9 of the member holding the replay log's primary copy loses nothing
 * retained; a client resumes on a survivor.
 */
@Tag("process")
class ReplayFailoverTest {

  private final Vertx vertx = Vertx.vertx();
  private ProcessCluster cluster;

  @AfterEach
  void stop() throws InterruptedException {
    if (cluster != null) {
      cluster.stop();
    }
    vertx.close();
  }

  @Test
  void killingTheLogOwnerLosesNoRetainedEvent() throws Exception {
    cluster = ProcessCluster.start(vertx, "failover", 3);
    Publish publish =
        new Publish(vertx, cluster.node(0).ingestPort, TestNodes.publisherToken(vertx));
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      JsonObject event = Publish.error("svc", "low");
      publish.ok(event);
      events.add(event);
    }
    publish.close();

    NodeProcess owner = cluster.logOwner(vertx);
    NodeProcess backup = cluster.logBackup(vertx);
    assertNotEquals(owner, backup);
    owner.kill();
    NodeProcess survivor = cluster.alive().get(0);
    survivor.awaitReady(vertx);
    cluster.await(vertx, backup, r -> r.getBoolean("logOwner", false), "the promoted backup");

    WsClient client = resume(survivor, events.get(9).getString("id"));
    for (JsonObject expected : events.subList(10, 50)) {
      assertEquals(expected.getString("id"), client.next().getString("id"));
    }
    assertReplay(client.next(), true, 40);
    client.close();

    WsClient everything = resume(survivor, "earliest");
    assertEquals(events.get(0).getString("id"), everything.next().getString("id"));
    assertEquals(events.get(49).getString("id"), everything.next(49).get(48).getString("id"));
    assertReplay(everything.next(), true, 50);
    everything.close();
  }

  private WsClient resume(NodeProcess node, String lastEventId) {
    return WsClient.connect(
        vertx,
        node.gatewayPort,
        "/ushs/v1/ws?subscribe=*",
        TestNodes.subscriberToken(vertx),
        lastEventId);
  }
}
