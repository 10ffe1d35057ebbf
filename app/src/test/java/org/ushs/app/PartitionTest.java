package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Real network faults between three node processes, each in its own network namespace ({@link
 * NetworkLab}), each aimed at the member that holds the log's primary copy (its writer), while
 * another node takes the publishes: a 2|1 partition that leaves the owner alone, a slow link on the
 * owner, and the owner frozen with SIGSTOP for longer than the failure detection. After each, a
 * publish through the node that was cut off or frozen is acknowledged (it rejoined under a new
 * Hazelcast member UUID), and every node serves every acknowledged event once, in one order, to
 * {@code lastEventId=earliest}. The cases share one cluster (each starts once it has settled).
 * Bounded: the start at most 180 s, each test at most 150 s (@Timeout), and the cluster must
 * re-form within 30 s of each heal.
 *
 * <p>Anchors followed: Jepsen's Hazelcast analysis (Kingsbury, 2017: under partitions Hazelcast's
 * structures lost acknowledged writes, because both sides accept writes and the merge keeps one
 * side; hence writes only with a majority of the listed members, and the check is of acknowledged
 * writes, read back from every node after the heal) and the NATS chaos tests (nats-server's
 * JetStream cluster tests cutting and restoring routes and pausing servers, then checking every
 * replica converged on the same stream: here, the same ids in the same order on every node).
 *
 * <p>Needs root, {@code ip}, {@code iptables} and {@code tc}; skipped with the reason otherwise.
 */
@Tag("process")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionTest {

  private static final Logger LOG = Logger.getLogger(PartitionTest.class.getName());
  private static final long HEAL_WITHIN_MS = 30_000;

  private static Vertx vertx;
  private static NetworkLab lab;
  private static ProcessCluster cluster;
  private static final Map<String, Long> acked = new ConcurrentHashMap<>();
  private static final Set<String> refused = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    String unavailable = NetworkLab.unavailable();
    Assumptions.assumeTrue(
        unavailable == null, () -> "network fault tests skipped: " + unavailable);
    vertx = Vertx.vertx();
    lab = NetworkLab.create(3);
    try {
      cluster = ProcessCluster.startIn(vertx, "partition", lab, 3);
    } catch (Exception | AssertionError e) {
      lab.close();
      throw e;
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (cluster != null) {
      cluster.stop();
    }
    if (lab != null) {
      lab.close();
    }
    if (vertx != null) {
      TestNodes.await(vertx.close());
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void theMinorityRefusesTheMajorityAcceptsAndTheHealedClusterAgrees() throws Exception {
    int cut = ownerIndex(); // the log's owner ends up alone: the majority must take the log over
    NodeProcess minority = cluster.node(cut);
    NodeProcess majority = cluster.node(other(cut));
    SteadyPublisher steady = steadyOn(majority);
    awaitAcked(acked.size() + 20);
    lab.cut(cut);
    JsonObject alone =
        cluster.await(
            vertx, minority, r -> r.getString("reason", "").startsWith("no quorum"), "cut off");
    LOG.info(() -> "cut off: " + alone);

    Publish onMinority = publisher(minority);
    for (int i = 0; i < 5; i++) {
      JsonObject event = Publish.error("minority", "high");
      refused.add(event.getString("id"));
      assertEquals(503, onMinority.structured(event).statusCode(), "the minority refuses");
    }
    onMinority.close();
    NodeHistory history = NodeHistory.read(vertx, minority);
    assertTrue(history.refused(), "no replay without quorum: " + history);
    assertEquals(1013, history.closeCode());
    assertEquals("try again later: no quorum", history.closeReason());

    awaitAcked(acked.size() + 20); // the majority goes on
    lab.heal(cut);
    long healed = System.currentTimeMillis();
    awaitReformed("after the heal");
    LOG.info(() -> "re-formed " + (System.currentTimeMillis() - healed) + " ms after the heal");
    steady.stop();
    acknowledgedThrough(minority); // it rejoined under a new Hazelcast member UUID
    assertEveryNodeServesTheSameHistory();
  }

  @Test
  @Order(2)
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void aSlowLinkKeepsOneClusterAndDeliversEverythingInOrder() throws Exception {
    int slow = ownerIndex(); // every append, backup and bus publish leaves through the slow link
    lab.slow(slow, 256);
    try {
      SteadyPublisher steady = steadyOn(cluster.node(other(slow)));
      awaitAcked(acked.size() + 100);
      steady.stop();
      for (NodeProcess node : cluster.alive()) {
        JsonObject readiness = ProcessCluster.readiness(vertx, node);
        assertEquals(3, readiness.getInteger("members", 0), "still one cluster: " + readiness);
      }
      assertEveryNodeServesTheSameHistory();
    } finally {
      lab.unslow(slow);
    }
  }

  @Test
  @Order(3)
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void aNodeFrozenLongerThanTheHeartbeatRejoinsAndCatchesUp() throws Exception {
    int owner =
        ownerIndex(); // the writer freezes mid-stream: the member holding the backup takes over
    NodeProcess frozen = cluster.node(owner);
    NodeProcess entry = cluster.node(other(owner));
    SteadyPublisher steady = steadyOn(entry);
    awaitAcked(acked.size() + 10);
    frozen.pause();
    long paused = System.currentTimeMillis();
    try {
      awaitAcked(acked.size() + 2); // the first may have been in flight at SIGSTOP
      long stalled = System.currentTimeMillis() - paused;
      LOG.info(() -> "publishes resumed on the new owner " + stalled + " ms after SIGSTOP");
      cluster.await(vertx, entry, r -> r.getInteger("members", 0) == 2, "without the frozen node");
      awaitAcked(acked.size() + 20);
    } finally {
      frozen.proceed();
    }
    long resumed = System.currentTimeMillis();
    awaitReformed("after SIGCONT");
    LOG.info(() -> "re-formed " + (System.currentTimeMillis() - resumed) + " ms after SIGCONT");
    steady.stop();
    acknowledgedThrough(frozen);
    assertEveryNodeServesTheSameHistory();
  }

  /** Waits until every node sees all three, within {@link #HEAL_WITHIN_MS}. */
  private static void awaitReformed(String when) throws InterruptedException {
    for (NodeProcess node : cluster.alive()) {
      cluster.await(
          vertx, node, r -> r.getInteger("members", 0) == 3, "re-formed " + when, HEAL_WITHIN_MS);
    }
  }

  /**
   * A publish through {@code node} is acknowledged (retried as a publisher would while the node
   * catches up), and recorded as acknowledged.
   */
  private static void acknowledgedThrough(NodeProcess node) throws InterruptedException {
    Publish publish = publisher(node);
    JsonObject event = Publish.error("rejoined", "low");
    long deadline = System.currentTimeMillis() + HEAL_WITHIN_MS;
    try {
      while (true) {
        try {
          acked.put(event.getString("id"), publish.ok(event));
          return;
        } catch (AssertionError notYet) {
          if (System.currentTimeMillis() > deadline) {
            throw new AssertionError("not acknowledged through the rejoined node: " + notYet);
          }
          Thread.sleep(250);
        }
      }
    } finally {
      publish.close();
    }
  }

  /** The index of the node holding the log's primary copy, once the cluster has settled. */
  private static int ownerIndex() throws InterruptedException {
    cluster.awaitSettled(vertx);
    return cluster.indexOf(cluster.logOwner(vertx));
  }

  private static int other(int index) {
    return (index + 1) % 3;
  }

  /**
   * Every node answers {@code earliest} with the same events in the same order, each once, holding
   * every acknowledged event in the order of its acknowledged sequence, and none the minority
   * refused. A node still catching up refuses with 1013 and is asked again.
   */
  private static void assertEveryNodeServesTheSameHistory() throws InterruptedException {
    List<String> first = null;
    for (NodeProcess node : cluster.alive()) {
      NodeHistory history = served(node);
      List<String> ids = history.ids();
      assertEquals(Set.copyOf(ids).size(), ids.size(), "an event served twice");
      assertTrue(history.replay().getBoolean("recovered"), history.replay().encode());
      if (first == null) {
        first = ids;
        assertTrue(ids.containsAll(acked.keySet()), missing(ids));
        assertInAckedOrder(ids);
        assertTrue(ids.stream().noneMatch(refused::contains), "an event the minority refused");
      } else {
        assertEquals(first, ids, "node " + node.host + " serves another history");
      }
    }
  }

  private static NodeHistory served(NodeProcess node) throws InterruptedException {
    long deadline = System.currentTimeMillis() + HEAL_WITHIN_MS;
    NodeHistory history = NodeHistory.read(vertx, node);
    while (history.refused() && System.currentTimeMillis() < deadline) {
      assertEquals(1013, history.closeCode(), String.valueOf(history.closeReason()));
      Thread.sleep(500);
      history = NodeHistory.read(vertx, node);
    }
    assertTrue(!history.refused(), "still refused: " + history.closeReason());
    return history;
  }

  private static void assertInAckedOrder(List<String> ids) {
    long previous = -1;
    for (String id : ids) {
      Long sequence = acked.get(id);
      if (sequence != null) {
        assertTrue(sequence > previous, id + " at " + sequence + " after " + previous);
        previous = sequence;
      }
    }
  }

  private static String missing(List<String> ids) {
    Set<String> missing = new HashSet<>(acked.keySet());
    ids.forEach(missing::remove);
    return missing.size()
        + " acknowledged events missing, e.g. "
        + new ArrayList<>(missing).subList(0, Math.min(3, missing.size()));
  }

  private static SteadyPublisher steadyOn(NodeProcess node) {
    Publish publish = publisher(node);
    return new SteadyPublisher("steady-" + node.host, publish::ok, acked);
  }

  private static void awaitAcked(int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (acked.size() < count) {
      assertTrue(System.currentTimeMillis() < deadline, acked.size() + " of " + count + " acked");
      Thread.sleep(50);
    }
  }

  private static Publish publisher(NodeProcess node) {
    return new Publish(vertx, node.host, node.ingestPort, TestNodes.publisherToken(vertx));
  }
}
