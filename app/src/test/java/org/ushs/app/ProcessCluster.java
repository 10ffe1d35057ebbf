package org.ushs.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.ushs.publisher.JoinSettings;

/**
 * Node processes forming one cluster on loopback (its own cluster name, free ports, the test JWT
 * secret), for tests that kill nodes. Waits are bounded.
 */
final class ProcessCluster {

  private static final long WAIT_MS = 60_000;
  static final int LAB_HAZELCAST_PORT = 5701;

  /** Three JVMs starting at once on a loaded two-core machine took 150 s. */
  private static final long START_MS = 180_000;

  private final String name = "ushs-proc-" + UUID.randomUUID();
  private final List<String> members = new ArrayList<>();
  private final List<NodeProcess> nodes = new ArrayList<>();

  /** Starts {@code count} nodes and waits until each is ready and sees all of them. */
  static ProcessCluster start(Vertx vertx, String label, int count) throws Exception {
    return start(vertx, label, count, Map.of());
  }

  /** As {@link #start(Vertx, String, int)}, every node with {@code extra} in its environment. */
  static ProcessCluster start(Vertx vertx, String label, int count, Map<String, String> extra)
      throws Exception {
    ProcessCluster cluster = new ProcessCluster();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(TestNodes.freePort());
      cluster.members.add("127.0.0.1:" + ports.get(i));
    }
    try {
      for (int i = 0; i < count; i++) {
        Map<String, String> env = cluster.env(ports.get(i));
        env.putAll(extra);
        cluster.nodes.add(NodeProcess.start(label + "-" + i, env));
      }
      for (NodeProcess node : cluster.nodes) {
        node.awaitReady(vertx, START_MS);
        cluster.await(vertx, node, r -> r.getInteger("members", 0) == count, "all members");
      }
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.stop();
      throw e;
    }
  }

  /**
   * Starts one node in each namespace of {@code lab}, all on the same ports (Hazelcast {@link
   * #LAB_HAZELCAST_PORT}, gateway 8080, publish 8081) at the lab's addresses, and waits as {@link
   * #start} does.
   */
  static ProcessCluster startIn(Vertx vertx, String label, NetworkLab lab, int count)
      throws Exception {
    ProcessCluster cluster = new ProcessCluster();
    for (int i = 0; i < count; i++) {
      cluster.members.add(lab.address(i) + ":" + LAB_HAZELCAST_PORT);
    }
    try {
      for (int i = 0; i < count; i++) {
        Map<String, String> env = cluster.env(lab.address(i), LAB_HAZELCAST_PORT);
        cluster.nodes.add(
            NodeProcess.start(label + "-" + i, env, lab.prefix(i), lab.address(i), 8080, 8081));
      }
      for (NodeProcess node : cluster.nodes) {
        node.awaitReady(vertx, START_MS);
        cluster.await(vertx, node, r -> r.getInteger("members", 0) == count, "all members");
      }
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.stop();
      throw e;
    }
  }

  private Map<String, String> env(int port) {
    return env("127.0.0.1", port);
  }

  private Map<String, String> env(String host, int port) {
    Map<String, String> env = new HashMap<>();
    env.put("USHS_CLUSTER_NAME", name);
    env.put("USHS_CLUSTER_HOST", host);
    env.put("USHS_CLUSTER_PORT", Integer.toString(port));
    env.put("USHS_CLUSTER_MEMBERS", String.join(",", members));
    env.put("USHS_GATEWAY_INSTANCES", "1");
    env.put("USHS_GAP_WAIT", "50ms");
    env.put("USHS_JWT_SECRET", TestNodes.SECRET);
    return env;
  }

  /**
   * Starts node {@code index} again (after a kill) on its listed Hazelcast port, as {@code label},
   * and waits until it is ready.
   */
  NodeProcess restart(Vertx vertx, int index, String label) throws Exception {
    String member = members.get(index);
    int port = Integer.parseInt(member.substring(member.lastIndexOf(':') + 1));
    NodeProcess node = NodeProcess.start(label, env(port));
    nodes.set(index, node);
    node.awaitReady(vertx);
    return node;
  }

  NodeProcess node(int index) {
    return nodes.get(index);
  }

  int indexOf(NodeProcess node) {
    return nodes.indexOf(node);
  }

  List<NodeProcess> alive() {
    return nodes.stream().filter(NodeProcess::isAlive).toList();
  }

  /** How a healing service on loopback joins this cluster, on a free port. */
  JoinSettings joinSettings() {
    return new JoinSettings(name, "127.0.0.1", TestNodes.freePort(), members);
  }

  /** The live node that holds the replay log's primary copy. */
  NodeProcess logOwner(Vertx vertx) {
    return reporting(vertx, "logOwner");
  }

  /** The live node that holds the replay log's first backup copy. */
  NodeProcess logBackup(Vertx vertx) {
    return reporting(vertx, "logBackup");
  }

  private NodeProcess reporting(Vertx vertx, String flag) {
    for (NodeProcess node : alive()) {
      if (readiness(vertx, node).getBoolean(flag, false)) {
        return node;
      }
    }
    throw new AssertionError("no live node reports " + flag);
  }

  /** The body of {@code /health/ready}, ready or not. */
  static JsonObject readiness(Vertx vertx, NodeProcess node) {
    WebClient web = WebClient.create(vertx);
    try {
      return TestNodes.await(web.get(node.ingestPort, node.host, "/health/ready").send())
          .bodyAsJsonObject();
    } finally {
      web.close();
    }
  }

  /** Waits until {@code node}'s readiness body satisfies {@code condition}. */
  JsonObject await(Vertx vertx, NodeProcess node, Predicate<JsonObject> condition, String what)
      throws InterruptedException {
    return await(vertx, node, condition, what, WAIT_MS);
  }

  /** As {@link #await(Vertx, NodeProcess, Predicate, String)}, for at most {@code waitMs}. */
  JsonObject await(
      Vertx vertx, NodeProcess node, Predicate<JsonObject> condition, String what, long waitMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMs;
    JsonObject readiness = readiness(vertx, node);
    while (!condition.test(readiness)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not " + what + " within " + waitMs + " ms: " + readiness);
      }
      Thread.sleep(200);
      readiness = readiness(vertx, node);
    }
    return readiness;
  }

  /** Waits until every live node sees only the live nodes and every backup is in place. */
  void awaitSettled(Vertx vertx) throws InterruptedException {
    int live = alive().size();
    for (NodeProcess node : alive()) {
      await(
          vertx,
          node,
          r -> r.getInteger("members", 0) == live && r.getBoolean("clusterSafe", false),
          "settled with " + live + " members");
    }
  }

  /** kill -9 of every node still running. */
  void stop() throws InterruptedException {
    for (NodeProcess node : nodes) {
      node.stop();
    }
  }
}
