package org.ushs.app;

import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Running nodes for the tests of one class: before the first test, {@code count} nodes on loopback
 * forming one cluster ({@link TestNodes}, with the class's extra settings), a Vert.x for the test's
 * clients, a publisher on node 0 and tokens for the known secret; after the last test, all closed.
 * Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final NodesExtension nodes = NodesExtension.start(1);
 * }</pre>
 *
 * <p>Not thread-safe: JUnit calls it from the test thread.
 */
final class NodesExtension implements BeforeAllCallback, AfterAllCallback {

  private final int count;
  private final Map<String, String> settings;
  private TestNodes cluster;
  private Vertx vertx;
  private Publish publish;

  private NodesExtension(int count, Map<String, String> settings) {
    this.count = count;
    this.settings = Map.copyOf(settings);
  }

  /** {@code count} nodes with the test defaults of {@link TestNodes}. */
  static NodesExtension start(int count) {
    return start(count, Map.of());
  }

  /** {@code count} nodes, each also with {@code settings} ({@code USHS_*} names). */
  static NodesExtension start(int count, Map<String, String> settings) {
    return new NodesExtension(count, settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = TestNodes.start(count, settings);
    vertx = Vertx.vertx();
    publish = new Publish(vertx, cluster.node(0).ingestPort(), TestNodes.publisherToken(vertx));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    publish.close();
    TestNodes.await(vertx.close());
    cluster.close();
  }

  Node node(int index) {
    return cluster.node(index);
  }

  /** The Hazelcast {@code host:port} of node {@code index}, as metrics tag it. */
  String member(int index) {
    return cluster.member(index);
  }

  /** Starts one more node that joins the running cluster; closed with the others. */
  Node join(Map<String, String> extra) {
    return cluster.join(extra);
  }

  /** The Vert.x of the test's clients (not any node's). */
  Vertx vertx() {
    return vertx;
  }

  /** Publishes to node 0's publish API with a publisher token. */
  Publish publish() {
    return publish;
  }

  /** A token that may see every event type, valid for an hour. */
  String subscriberToken() {
    return TestNodes.subscriberToken(vertx);
  }

  /** A token that may publish and see every event type, valid for an hour. */
  String publisherToken() {
    return TestNodes.publisherToken(vertx);
  }
}
