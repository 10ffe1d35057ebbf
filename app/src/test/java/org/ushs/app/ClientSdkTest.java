package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.client.BackoffPolicy;
import org.ushs.client.ClientOptions;
import org.ushs.client.ConnectionState;
import org.ushs.client.ReplayResult;
import org.ushs.client.StateChange;
import org.ushs.client.Subscription;
import org.ushs.client.UshsClient;
import org.ushs.client.UshsException;
import org.ushs.client.event.ErrorDetected;
import org.ushs.client.event.UshsEvent;

/**
 * The Java SDK against a real two-node cluster: it survives the stop of its node by resuming on the
 * other with nothing lost or doubled, and stops on refused credentials.
 */
@Tag("integration")
class ClientSdkTest {

  private static final BackoffPolicy QUICK =
      new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1));

  private static TestNodes nodes;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(2, Map.of());
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  private static String url(Node node) {
    return "ws://127.0.0.1:" + node.gatewayPort() + "/ushs/v1/ws";
  }

  @Test
  void resumesOnTheOtherNodeWithoutGapOrDuplicateWhenItsNodeStops() throws Exception {
    LinkedBlockingQueue<UshsEvent> events = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<ReplayResult> replays = new LinkedBlockingQueue<>();
    List<StateChange> states = new java.util.concurrent.CopyOnWriteArrayList<>();
    UshsClient client =
        UshsClient.create(
                vertx,
                ClientOptions.builder()
                    .endpoint(url(nodes.node(0)))
                    .endpoint(url(nodes.node(1)))
                    .bearer(TestNodes.subscriberToken(vertx))
                    .subscription(Subscription.of("error").withServices("failover"))
                    .backoff(QUICK)
                    .build())
            .onEvent(events::add)
            .onReplay(replays::add)
            .onStateChange(states::add);
    TestNodes.await(client.connect());
    Publish publish =
        new Publish(vertx, nodes.node(1).ingestPort(), TestNodes.publisherToken(vertx));
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      published.add(publishOne(publish));
    }
    assertEquals(published, ids(events, 5));

    Future<Void> stopping = nodes.node(0).close();
    for (int i = 0; i < 20; i++) {
      published.add(publishOne(publish));
    }
    TestNodes.await(stopping);
    for (int i = 0; i < 5; i++) {
      published.add(publishOne(publish));
    }

    assertEquals(published.subList(5, 30), ids(events, 25), "in order, none missing, none twice");
    ReplayResult replay = replays.poll(10, TimeUnit.SECONDS);
    assertTrue(replay != null && replay.recovered(), "resumed with recovered:true: " + replay);
    assertTrue(events.poll(300, TimeUnit.MILLISECONDS) == null, "no extra event");
    StateChange lost =
        states.stream().filter(s -> s.state() == ConnectionState.DISCONNECTED).findFirst().get();
    assertEquals(
        "127.0.0.1:" + nodes.node(1).gatewayPort(),
        states.get(states.size() - 1).endpoint().getAuthority());
    System.out.println(
        "client lost node 0 with close code " + lost.closeCode() + " " + lost.reason());
    publish.close();
    TestNodes.await(client.close());
  }

  private static String publishOne(Publish publish) {
    JsonObject event = Publish.error("failover", "high");
    publish.ok(event);
    return event.getString("id");
  }

  private static List<String> ids(LinkedBlockingQueue<UshsEvent> events, int count)
      throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UshsEvent event = events.poll(15, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("only " + ids.size() + " of " + count + " events: " + ids);
      }
      assertInstanceOf(ErrorDetected.class, event.data());
      ids.add(event.id());
    }
    return ids;
  }

  @Test
  void stopsOnABadToken() throws Exception {
    LinkedBlockingQueue<StateChange> states = new LinkedBlockingQueue<>();
    String forged =
        new org.ushs.common.auth.JwtAuthenticator(vertx, "another-secret-0123456789-0123456789")
            .mint("mallory", new org.ushs.common.auth.Permissions(null, null, false), 5);
    UshsClient client =
        UshsClient.create(
                vertx,
                ClientOptions.builder()
                    .endpoint(url(nodes.node(1)))
                    .bearer(forged)
                    .subscription(Subscription.of("*"))
                    .backoff(QUICK)
                    .build())
            .onStateChange(states::add);
    CompletableFuture<Void> connected = client.connect().toCompletionStage().toCompletableFuture();
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> connected.get(10, TimeUnit.SECONDS));
    assertEquals(4002, ((UshsException) failed.getCause()).code());
    StateChange last = null;
    for (StateChange s = states.poll(5, TimeUnit.SECONDS);
        s != null;
        s = states.poll(500, TimeUnit.MILLISECONDS)) {
      last = s;
    }
    assertEquals(ConnectionState.STOPPED, last.state());
    assertEquals(4002, last.closeCode());
    assertEquals(ConnectionState.STOPPED, client.state());
  }
}
