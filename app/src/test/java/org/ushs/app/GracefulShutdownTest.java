package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md section 7, shutdown: a node in its own JVM gets SIGTERM while a publisher keeps
 * publishing. Clients are closed 1001 {@code going away}, every acknowledged event reached them
 * first, and the process exits 0.
 */
@Tag("process")
class GracefulShutdownTest {

  private static final String HAZELCAST_FLAGS =
      "--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED"
          + " --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
          + " --add-opens java.management/sun.management=ALL-UNNAMED"
          + " --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED";

  private final Vertx vertx = Vertx.vertx();
  private Process node;
  private Path output;

  @AfterEach
  void cleanUp() throws IOException {
    if (node != null && node.isAlive()) {
      node.destroyForcibly();
    }
    vertx.close();
    Files.deleteIfExists(output);
  }

  @Test
  void sigtermClosesClients1001LosesNoAckedEventAndExits0() throws Exception {
    int gatewayPort = TestNodes.freePort();
    int ingestPort = TestNodes.freePort();
    startNode(gatewayPort, ingestPort);
    awaitReady(ingestPort);
    List<WsClient> clients = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      clients.add(
          WsClient.connect(
              vertx, gatewayPort, "/ushs/v1/ws?subscribe=*", TestNodes.subscriberToken(vertx)));
    }
    Publish publish = new Publish(vertx, ingestPort, TestNodes.publisherToken(vertx));
    Set<String> acked = ConcurrentPublisher.ackedBefore(publish, 10);
    ConcurrentPublisher publisher = ConcurrentPublisher.start(publish);
    publisher.awaitAcked(20);

    long sigterm = System.nanoTime();
    node.destroy(); // SIGTERM
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGTERM");
    long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
    acked.addAll(publisher.stop());
    System.out.println(
        "exit " + node.exitValue() + " after " + exitMs + " ms; acked " + acked.size());
    assertEquals(0, node.exitValue(), Files.readString(output));

    for (WsClient client : clients) {
      assertEquals(1001, client.awaitClose());
      assertEquals("going away", client.closeReason());
      Set<String> seen = new HashSet<>();
      client.drain().forEach(message -> seen.add(message.getString("id")));
      Set<String> lost = new HashSet<>(acked);
      lost.removeAll(seen);
      assertEquals(Set.of(), lost, "acknowledged but never delivered");
    }
    publish.close();
  }

  private void startNode(int gatewayPort, int ingestPort) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
    command.addAll(List.of(HAZELCAST_FLAGS.split(" ", -1)));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ushs.app.Main"));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("USHS_"));
    env.put("USHS_CLUSTER_NAME", "ushs-test-" + UUID.randomUUID());
    env.put("USHS_CLUSTER_HOST", "127.0.0.1");
    env.put("USHS_CLUSTER_PORT", Integer.toString(TestNodes.freePort()));
    env.put("USHS_HTTP_HOST", "127.0.0.1");
    env.put("USHS_GATEWAY_PORT", Integer.toString(gatewayPort));
    env.put("USHS_INGEST_PORT", Integer.toString(ingestPort));
    env.put("USHS_GATEWAY_INSTANCES", "2");
    env.put("USHS_INGEST_INSTANCES", "2");
    env.put("USHS_SHUTDOWN_SPREAD", "300ms");
    env.put("USHS_JWT_SECRET", TestNodes.SECRET);
    output = Files.createTempFile("ushs-node", ".log");
    node = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /** Polls the readiness endpoint of a process starting up; bounded. */
  private void awaitReady(int ingestPort) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && node.isAlive()) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node not ready:\n" + Files.readString(output));
  }

  /** A publisher on its own thread, publishing one event after the other until refused. */
  private static final class ConcurrentPublisher {

    private final Publish publish;
    private final Set<String> acked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private ConcurrentPublisher(Publish publish) {
      this.publish = publish;
    }

    /** Publishes {@code count} events one after the other; their ids. */
    static Set<String> ackedBefore(Publish publish, int count) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < count; i++) {
        JsonObject event = Publish.error("svc", "high");
        publish.ok(event);
        ids.add(event.getString("id"));
      }
      return ids;
    }

    static ConcurrentPublisher start(Publish publish) {
      ConcurrentPublisher publisher = new ConcurrentPublisher(publish);
      Thread thread = new Thread(publisher::run, "publisher");
      thread.setDaemon(true);
      thread.start();
      return publisher;
    }

    private void run() {
      try {
        while (true) {
          JsonObject event = Publish.error("svc", "high");
          publish.ok(event);
          acked.add(event.getString("id"));
        }
      } catch (AssertionError | RuntimeException refused) {
        done.complete(null);
      }
    }

    void awaitAcked(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (acked.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(acked.size() >= count, "acked " + acked.size());
    }

    /** The ids acknowledged, once the publisher has been refused. */
    Set<String> stop() throws Exception {
      done.get(70, TimeUnit.SECONDS);
      return new HashSet<>(acked);
    }
  }
}
