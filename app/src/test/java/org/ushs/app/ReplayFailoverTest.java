package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ushs.app.ReplayTest.assertReplay;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three node processes: kill -9 of the member holding the replay log's primary copy loses nothing
 * retained; a client resumes on a survivor.
 */
class ReplayFailoverTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<NodeProcess> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (NodeProcess node : nodes) {
      node.stop();
    }
    vertx.close();
  }

  @Test
  void killingTheLogOwnerLosesNoRetainedEvent() throws Exception {
    startCluster(3);
    Publish publish = new Publish(vertx, nodes.get(0).ingestPort, TestNodes.publisherToken(vertx));
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      JsonObject event = Publish.error("svc", "low");
      publish.ok(event);
      events.add(event);
    }
    publish.close();

    NodeProcess owner = logOwner();
    owner.kill();
    NodeProcess survivor = nodes.get(nodes.indexOf(owner) == 0 ? 1 : 0);
    survivor.awaitReady(vertx);

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

  private NodeProcess logOwner() throws InterruptedException {
    for (NodeProcess node : nodes) {
      if (node.awaitReady(vertx).getBoolean("logOwner")) {
        return node;
      }
    }
    throw new AssertionError("no node owns the log");
  }

  private void startCluster(int count) throws Exception {
    String name = "ushs-failover-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(TestNodes.freePort());
    }
    String members = String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
    for (int i = 0; i < count; i++) {
      Map<String, String> env = new HashMap<>();
      env.put("USHS_CLUSTER_NAME", name);
      env.put("USHS_CLUSTER_HOST", "127.0.0.1");
      env.put("USHS_CLUSTER_PORT", Integer.toString(ports.get(i)));
      env.put("USHS_CLUSTER_MEMBERS", members);
      env.put("USHS_GATEWAY_INSTANCES", "1");
      env.put("USHS_JWT_SECRET", TestNodes.SECRET);
      nodes.add(NodeProcess.start("failover-" + i, env));
    }
    for (NodeProcess node : nodes) {
      JsonObject ready = node.awaitReady(vertx);
      while (ready.getInteger("members") < count) {
        Thread.sleep(200);
        ready = node.awaitReady(vertx);
      }
    }
  }
}
