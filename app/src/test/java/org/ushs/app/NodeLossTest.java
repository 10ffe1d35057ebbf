package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ushs.publisher.UshsMember;
import org.ushs.publisher.UshsPublisher;

/**
 * Three node processes on loopback, one cluster for the whole class, losing nodes in turn: cross
 * node delivery; kill -9 of a client's node (the log's owner) under steady publishing over HTTP and
 * from a healing service on the event bus, the client resuming on a survivor with its
 * Last-Event-ID; then, once the cluster has settled, kill -9 of a second node: the lone survivor
 * refuses writes and resumes (no quorum: it cannot vouch for history), and once a node is back,
 * serves the retained log whole. Every check compares with the acknowledged ids: nothing lost,
 * nothing twice, in sequence order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("process")
class NodeLossTest {

  private static final Logger LOG = Logger.getLogger(NodeLossTest.class.getName());
  private static final long STEADY_AFTER_KILL_MS = 1500;
  private static final int BUS_PUBLISHERS = 3;

  private static Vertx vertx;
  private static ProcessCluster cluster;
  private static Vertx service;
  private static final Map<String, Long> acked = new ConcurrentHashMap<>();
  private static long started;

  @BeforeAll
  static void start() throws Exception {
    started = System.currentTimeMillis();
    vertx = Vertx.vertx();
    cluster = ProcessCluster.start(vertx, "loss", 3);
    LOG.info(() -> "cluster of 3 processes ready in " + elapsed());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (service != null) {
      TestNodes.await(service.close());
    }
    cluster.stop();
    TestNodes.await(vertx.close());
    LOG.info(() -> "NodeLossTest took " + elapsed());
  }

  @Test
  @Order(1)
  void anEventPublishedOnOneNodeReachesClientsOnTheOthers() {
    List<WsClient> clients = List.of(subscribe(cluster.node(1)), subscribe(cluster.node(2)));
    Publish publish = publisher(cluster.node(0));
    JsonObject warmUp = Publish.error("warm-up", "low");
    acked.put(warmUp.getString("id"), publish.ok(warmUp));
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      JsonObject event = Publish.error("svc", "high");
      acked.put(event.getString("id"), publish.ok(event));
      sent.add(event.getString("id"));
    }
    for (WsClient client : clients) {
      assertEquals(warmUp.getString("id"), client.next().getString("id"));
      assertEquals(sent, ids(client.next(sent.size())));
      client.close();
    }
    publish.close();
  }

  @Test
  @Order(2)
  void killingTheClientsNodeUnderSteadyPublishingLosesAndRepeatsNothing() throws Exception {
    NodeProcess victim = cluster.logOwner(vertx);
    List<NodeProcess> survivors = cluster.alive().stream().filter(n -> n != victim).toList();
    Map<String, Long> steadyAcks = new ConcurrentHashMap<>();
    WsClient before = subscribe(victim);
    service = TestNodes.await(UshsMember.join(cluster.joinSettings()));
    UshsPublisher bus = UshsPublisher.create(service);
    Publish http = publisher(survivors.get(0));
    SteadyPublisher overHttp = new SteadyPublisher("steady-http", http::ok, steadyAcks);
    List<SteadyPublisher> overBus = new ArrayList<>();
    for (int i = 0; i < BUS_PUBLISHERS; i++) {
      overBus.add(
          new SteadyPublisher(
              "steady-bus-" + i,
              e -> TestNodes.await(bus.publish(e)).accepted().get(0).sequence(),
              steadyAcks));
    }

    List<JsonObject> seenBefore = new ArrayList<>(before.next(40));
    long killedAt = System.currentTimeMillis();
    victim.kill();
    before.awaitClose();
    seenBefore.addAll(events(before.drain()));
    String lastEventId = seenBefore.get(seenBefore.size() - 1).getString("id");
    WsClient after =
        WsClient.connect(
            vertx,
            survivors.get(1).gatewayPort,
            "/ushs/v1/ws?subscribe=*",
            TestNodes.subscriberToken(vertx),
            lastEventId);
    Thread.sleep(STEADY_AFTER_KILL_MS); // the workload goes on after the loss
    overHttp.stop();
    for (SteadyPublisher publisher : overBus) {
      publisher.stop();
    }
    http.close();
    int busRetries = overBus.stream().mapToInt(SteadyPublisher::retries).sum();
    LOG.info(
        () ->
            "killed the log owner after "
                + seenBefore.size()
                + " events; workload ended "
                + (System.currentTimeMillis() - killedAt)
                + " ms after the kill; retries http/bus "
                + overHttp.retries()
                + "/"
                + busRetries
                + "; acked "
                + steadyAcks.size());

    assertEquals(List.of(), overHttp.failures());
    overBus.forEach(publisher -> assertEquals(List.of(), publisher.failures()));
    acked.putAll(steadyAcks);
    List<String> expected = inSequenceOrder(steadyAcks);
    long resumeAfter = sequence(seenBefore.get(seenBefore.size() - 1));
    int afterCount = (int) steadyAcks.values().stream().filter(s -> s > resumeAfter).count();
    List<JsonObject> seenAfter = resumedEvents(after, afterCount);
    after.assertQuiet(500);
    after.close();

    List<String> seen = ids(seenBefore);
    seen.addAll(ids(seenAfter));
    assertEquals(expected, seen, "0 lost, 0 duplicated, in order");
  }

  /** A connection without a resume point is served; a resume its subscribe asks is refused. */
  private static void assertAResumeByCommandIsRefused(NodeProcess node) {
    WsClient client =
        WsClient.connect(vertx, node.gatewayPort, "/ushs/v1/ws", TestNodes.subscriberToken(vertx));
    client.send(
        new JsonObject()
            .put("command", "subscribe")
            .put("eventTypes", new io.vertx.core.json.JsonArray().add("*"))
            .put("lastEventId", "earliest"));
    assertEquals(1013, client.awaitClose(), client.closeReason());
    assertEquals("try again later: no quorum", client.closeReason());
  }

  @Test
  @Order(3)
  void aSecondLossAfterTheClusterSettledLosesNothingRetained() throws Exception {
    cluster.awaitSettled(vertx);
    NodeProcess victim = cluster.logOwner(vertx);
    victim.kill();
    NodeProcess last = cluster.alive().get(0);
    JsonObject refused =
        cluster.await(
            vertx, last, r -> r.getString("reason", "").startsWith("no quorum"), "in minority");
    LOG.info(() -> "last node: " + refused);

    Publish publish = publisher(last);
    int status = publish.structured(Publish.error("minority", "low")).statusCode();
    publish.close();
    assertEquals(503, status, "the minority side refuses appends");
    NodeHistory alone = NodeHistory.read(vertx, last);
    assertTrue(alone.refused(), "a node without quorum cannot vouch for the log's history");
    assertEquals("try again later: no quorum", alone.closeReason());
    assertAResumeByCommandIsRefused(last);

    cluster.restart(vertx, cluster.indexOf(victim), "loss-restarted");
    cluster.await(vertx, last, r -> r.getInteger("members", 0) == 2, "quorum back");
    NodeHistory everything = NodeHistory.read(vertx, last);
    long deadline = System.currentTimeMillis() + 30_000;
    while (everything.refused() && System.currentTimeMillis() < deadline) { // catching up
      assertEquals(1013, everything.closeCode(), everything.closeReason());
      Thread.sleep(500);
      everything = NodeHistory.read(vertx, last);
    }
    assertEquals(inSequenceOrder(acked), ids(everything.events()), "the retained log, once each");
    ReplayTest.assertReplay(everything.replay(), true, acked.size());
  }

  /** Events after the resume point: replayed, then the replay answer, then live ones. */
  private static List<JsonObject> resumedEvents(WsClient client, int count) {
    List<JsonObject> events = new ArrayList<>();
    boolean answered = false;
    while (events.size() < count || !answered) {
      JsonObject message;
      try {
        message = client.next();
      } catch (AssertionError e) {
        throw new AssertionError(
            events.size()
                + " of "
                + count
                + " events, replay answered "
                + answered
                + ", connection closed "
                + client.isClosed(),
            e);
      }
      if ("replay".equals(message.getString("type"))) {
        assertTrue(message.getBoolean("recovered"), message.encode());
        answered = true;
      } else {
        events.add(message);
      }
    }
    return events;
  }

  private static List<JsonObject> events(List<JsonObject> messages) {
    return messages.stream().filter(m -> m.containsKey("specversion")).toList();
  }

  private static List<String> ids(List<JsonObject> events) {
    List<String> ids = new ArrayList<>();
    events.forEach(event -> ids.add(event.getString("id")));
    return ids;
  }

  private static long sequence(JsonObject event) {
    return Long.parseLong(event.getString("sequence"));
  }

  private static List<String> inSequenceOrder(Map<String, Long> acks) {
    return acks.entrySet().stream()
        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static WsClient subscribe(NodeProcess node) {
    return WsClient.connect(
        vertx, node.gatewayPort, "/ushs/v1/ws?subscribe=*", TestNodes.subscriberToken(vertx));
  }

  private static Publish publisher(NodeProcess node) {
    return new Publish(vertx, node.ingestPort, TestNodes.publisherToken(vertx));
  }

  private static String elapsed() {
    return (System.currentTimeMillis() - started) + " ms";
  }
}
