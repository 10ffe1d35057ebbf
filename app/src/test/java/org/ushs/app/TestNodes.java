package org.ushs.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.ushs.common.auth.JwtAuthenticator;
import org.ushs.common.auth.Permissions;
import org.ushs.common.config.ConfigLoader;
import org.ushs.common.testing.FreePorts;
import org.ushs.publisher.ClusterTls;
import org.ushs.publisher.JoinSettings;

/**
 * Real nodes on loopback for tests: each cluster has its own name (stray nodes of other runs never
 * join it), free Hazelcast ports, HTTP on port 0, and a known JWT secret.
 */
final class TestNodes implements AutoCloseable {

  static final String SECRET = "test-secret-0123456789-0123456789-abcdef";

  private final String clusterName = "ushs-test-" + UUID.randomUUID();
  private final List<Node> nodes = new ArrayList<>();
  private final List<String> members = new ArrayList<>();

  /** Starts {@code count} nodes forming one cluster, each with {@code extra} settings. */
  static TestNodes start(int count, Map<String, String> extra) {
    TestNodes cluster = new TestNodes();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(freePort());
    }
    ports.forEach(port -> cluster.members.add("127.0.0.1:" + port));
    List<Future<Node>> starting = new ArrayList<>();
    for (int port : ports) {
      Map<String, String> env = cluster.env(port, String.join(",", cluster.members));
      env.putAll(extra);
      starting.add(Node.start(ConfigLoader.load(env)));
    }
    for (Future<Node> node : starting) {
      cluster.nodes.add(await(node));
    }
    return cluster;
  }

  private Map<String, String> env(int clusterPort, String members) {
    Map<String, String> env = new HashMap<>();
    env.put("USHS_CLUSTER_NAME", clusterName);
    env.put("USHS_CLUSTER_HOST", "127.0.0.1");
    env.put("USHS_CLUSTER_PORT", Integer.toString(clusterPort));
    env.put("USHS_CLUSTER_MEMBERS", members);
    env.put("USHS_HTTP_HOST", "127.0.0.1");
    env.put("USHS_GATEWAY_PORT", "0");
    env.put("USHS_INGEST_PORT", "0");
    env.put("USHS_GATEWAY_INSTANCES", "2");
    env.put("USHS_INGEST_INSTANCES", "2");
    env.put("USHS_GAP_WAIT", "50ms");
    env.put("USHS_JWT_SECRET", SECRET);
    return env;
  }

  /** Starts one more node that joins the running cluster. */
  Node join(Map<String, String> extra) {
    int port = freePort();
    members.add("127.0.0.1:" + port);
    Map<String, String> env = env(port, String.join(",", members));
    env.putAll(extra);
    Node node = await(Node.start(ConfigLoader.load(env)));
    nodes.add(node);
    return node;
  }

  /**
   * Starts one more node that joins with the running nodes' list and is not in it, as {@code
   * scripts/cluster.sh add} does: it never counts toward the log's quorum.
   */
  Node joinUnlisted(Map<String, String> extra) {
    Map<String, String> env = env(freePort(), String.join(",", members));
    env.putAll(extra);
    Node node = await(Node.start(ConfigLoader.load(env)));
    nodes.add(node);
    return node;
  }

  /** How a healing service on loopback joins this cluster with {@code secret} and {@code tls}. */
  JoinSettings joinSettings(String secret, ClusterTls tls) {
    return new JoinSettings(clusterName, "127.0.0.1", freePort(), members, secret, tls);
  }

  Node node(int index) {
    return nodes.get(index);
  }

  /** The Hazelcast {@code host:port} of node {@code index}, as metrics tag it. */
  String member(int index) {
    return members.get(index);
  }

  /** A token for {@code permissions}, valid for an hour. */
  static String token(Vertx vertx, Permissions permissions) {
    return new JwtAuthenticator(vertx, SECRET).mint("test", permissions, 60);
  }

  static String subscriberToken(Vertx vertx) {
    return token(vertx, new Permissions(null, null, false));
  }

  static String publisherToken(Vertx vertx) {
    return token(vertx, new Permissions(null, null, true));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  /** A port for a listener that starts later ({@link FreePorts}: not an ephemeral one). */
  static int freePort() {
    return FreePorts.next();
  }

  @Override
  public void close() {
    List<Future<Void>> closing = nodes.stream().map(Node::close).toList();
    closing.forEach(f -> f.toCompletionStage().toCompletableFuture().handle((v, e) -> null).join());
    nodes.clear();
  }
}
