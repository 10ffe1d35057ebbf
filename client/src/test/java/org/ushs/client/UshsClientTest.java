package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ushs.client.FakeGateway.await;
import static org.ushs.client.FakeGateway.event;
import static org.ushs.client.FakeGateway.poll;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ushs.client.event.ErrorDetected;
import org.ushs.client.event.UshsEvent;

/** The client against a scripted gateway: reconnects, resume, restore, close codes, refresh. */
class UshsClientTest {

  private static final BackoffPolicy FAST =
      new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50));

  private final Vertx vertx = Vertx.vertx();
  private final LinkedBlockingQueue<UshsEvent> events = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<StateChange> states = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<ReplayResult> replays = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<UshsError> errors = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Gap> gaps = new LinkedBlockingQueue<>();
  private UshsClient client;

  @AfterEach
  void close() {
    if (client != null) {
      await(client.close().toCompletionStage().toCompletableFuture());
    }
    vertx.close();
  }

  private UshsClient client(ClientOptions.Builder options) {
    client =
        UshsClient.create(vertx, options.backoff(FAST).build())
            .onEvent(events::add)
            .onStateChange(states::add)
            .onReplay(replays::add)
            .onError(errors::add)
            .onGap(gaps::add);
    return client;
  }

  private StateChange awaitState(ConnectionState wanted) {
    while (true) {
      StateChange change = poll(states);
      if (change.state() == wanted) {
        return change;
      }
    }
  }

  private static void assertFailsWith(CompletableFuture<Void> future, int code) {
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertEquals(code, assertInstanceOf(UshsException.class, failed.getCause()).code());
  }

  @Test
  void reconnectsAfterSlowConsumerResumingAndRestoringSubscriptions() {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    client(
        ClientOptions.builder()
            .endpoint(gateway.url())
            .bearer("t1")
            .subscription(Subscription.of("error").withServices("api")));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection first = gateway.nextConnection();
    assertEquals("/ushs/v1/ws?subscribe=error&service=api", first.uri());
    assertEquals("Bearer t1", first.authorization());
    assertNull(first.lastEventId());
    assertEquals("ping", gateway.nextCommand().getString("command"));
    await(
        client
            .subscribe(Subscription.of("patch").withSeverities("high"))
            .toCompletionStage()
            .toCompletableFuture());
    gateway.nextCommand();

    first.send(event("e-1", OLD_EPOCH, 10));
    first.send(event("e-2", OLD_EPOCH, 11));
    assertEquals("e-1", poll(events).id());
    UshsEvent second = poll(events);
    assertInstanceOf(ErrorDetected.class, second.data());
    first.close(4006, "slow consumer");

    StateChange lost = awaitState(ConnectionState.DISCONNECTED);
    assertEquals(4006, lost.closeCode());
    FakeGateway.Connection again = gateway.nextConnection();
    assertEquals("e-2", again.lastEventId());
    assertEquals(OLD_EPOCH + ":11", again.lastEventPosition());
    assertEquals("/ushs/v1/ws?subscribe=error&service=api", again.uri());
    assertEquals("ping", gateway.nextCommand().getString("command"));
    awaitState(ConnectionState.RESUMING);

    again.send(event("e-2", OLD_EPOCH, 11));
    again.send(event("e-4", OLD_EPOCH, 13));
    again.send(replay(1));
    assertEquals("e-4", poll(events).id(), "the duplicate e-2 is not delivered twice");
    assertEquals(new ReplayResult(true, 1, "e-2", OLD_EPOCH, false), poll(replays));
    assertEquals(
        Subscription.of("patch")
            .withSeverities("high")
            .toCommand()
            .put("lastPosition", OLD_EPOCH + ":11")
            .put("lastEventId", "e-2"),
        gateway.nextCommand(),
        "re-sent after the query's replay, from where it left off");
    again.send(event("p-3", OLD_EPOCH, 12));
    again.send(event("e-2", OLD_EPOCH, 11));
    again.send(replay(1));
    again.send(event("e-4", OLD_EPOCH, 13));
    again.send(event("e-5", OLD_EPOCH, 14));
    assertEquals(List.of("p-3", "e-5"), ids(2), "its replay, lower than e-4, is not a duplicate");
    assertEquals(new ReplayResult(true, 1, "e-4", OLD_EPOCH, false), poll(replays));
    awaitState(ConnectionState.CONNECTED);
  }

  private static JsonObject replay(int count) {
    return new JsonObject()
        .put("type", "replay")
        .put("recovered", true)
        .put("count", count)
        .put("epoch", OLD_EPOCH);
  }

  @Test
  void aReconnectDuringASubscriptionsReplayResumesItWhereItsReplayStood() {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    Subscription patches = Subscription.of("patch").withSeverities("high");
    client(ClientOptions.builder().endpoint(gateway.url()).subscription(Subscription.of("error")));
    client.subscribe(patches);
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection first = gateway.nextConnection();
    gateway.nextCommand();
    assertEquals(patches.toCommand(), gateway.nextCommand(), "nothing to resume yet");
    first.send(event("e-1", OLD_EPOCH, 10));
    first.send(event("e-2", OLD_EPOCH, 11));
    assertEquals(List.of("e-1", "e-2"), ids(2));
    first.close(4005, "server error");

    FakeGateway.Connection second = gateway.nextConnection();
    assertEquals(OLD_EPOCH + ":11", second.lastEventPosition());
    gateway.nextCommand();
    second.send(event("e-3", OLD_EPOCH, 20));
    second.send(replay(1));
    assertEquals(
        patches.toCommand().put("lastPosition", OLD_EPOCH + ":11").put("lastEventId", "e-2"),
        gateway.nextCommand());
    second.send(event("p-1", OLD_EPOCH, 12));
    second.send(event("p-2", OLD_EPOCH, 15));
    assertEquals(List.of("e-3", "p-1", "p-2"), ids(3), "its replay is below e-3: delivered");
    assertEquals(new EventPosition(OLD_EPOCH, 15), client.lastPosition(), "nothing skipped");
    second.close(4005, "server error");

    FakeGateway.Connection third = gateway.nextConnection();
    assertEquals(OLD_EPOCH + ":20", third.lastEventPosition(), "the query's subscription was live");
    gateway.nextCommand();
    third.send(replay(0));
    assertEquals(
        patches.toCommand().put("lastPosition", OLD_EPOCH + ":15").put("lastEventId", "p-2"),
        gateway.nextCommand(),
        "the replay resumes where it stood, not after e-3");
    third.send(event("p-2", OLD_EPOCH, 15));
    third.send(event("p-3", OLD_EPOCH, 16));
    third.send(replay(1));
    assertEquals("p-3", poll(events).id(), "p-2 not twice");
    for (int i = 0; i < 3; i++) {
      poll(replays); // the second connection's, then the third's two
    }
    assertEquals(new EventPosition(OLD_EPOCH, 20), client.lastPosition());
  }

  @Test
  void surfacesRecoveredFalseAndAcceptsRestartedSequences() {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    client(
        ClientOptions.builder()
            .endpoint(gateway.url())
            .resumeFrom("gone")
            .subscription(Subscription.of("*")));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection connection = gateway.nextConnection();
    assertEquals("gone", connection.lastEventId());
    connection.send(new JsonObject().put("type", "replay").put("recovered", false).put("count", 0));
    assertFalse(poll(replays).recovered());
    connection.send(event("new-0", 0));
    assertEquals("new-0", poll(events).id());
  }

  private static final String OLD_EPOCH = "00000000000000e1";
  private static final String NEW_EPOCH = "00000000000000e2";

  @Test
  void anEventOfAnotherEpochIsDeliveredAndTheResumeSendsItsPosition() {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    Subscription critical = Subscription.of("error").withSeverities("critical");
    client(ClientOptions.builder().endpoint(gateway.url()).subscription(critical));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection first = gateway.nextConnection();
    assertNull(first.lastEventPosition());
    gateway.nextCommand();
    assertEquals(critical.toCommand(), gateway.nextCommand(), "no resume point on a fresh start");

    first.send(event("e-1", OLD_EPOCH, 10));
    first.send(event("e-2", OLD_EPOCH, 11));
    first.send(event("e-2", OLD_EPOCH, 11));
    first.send(event("n-0", NEW_EPOCH, 0));
    first.send(event("n-1", NEW_EPOCH, 1));
    first.send(event("n-0", NEW_EPOCH, 0));
    assertEquals(List.of("e-1", "e-2", "n-0", "n-1"), ids(4));
    assertEquals(new EventPosition(NEW_EPOCH, 1), client.lastPosition());
    first.close(4005, "server error");

    FakeGateway.Connection again = gateway.nextConnection();
    assertNull(again.lastEventPosition(), "without a query subscription, only commands resume");
    gateway.nextCommand();
    assertEquals(
        critical.toCommand().put("lastPosition", NEW_EPOCH + ":1").put("lastEventId", "n-1"),
        gateway.nextCommand(),
        "the subscription re-sent as a command resumes too");
    again.send(event("n-1", NEW_EPOCH, 1));
    again.send(event("n-2", NEW_EPOCH, 2));
    assertEquals("n-2", poll(events).id(), "the duplicate n-1 is dropped");
  }

  @Test
  void aReplayOfAnotherEpochStartsTheComparisonOver() {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    client(
        ClientOptions.builder()
            .endpoint(gateway.url())
            .resumeFrom("e-7", new EventPosition(OLD_EPOCH, 7))
            .subscription(Subscription.of("*")));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection connection = gateway.nextConnection();
    assertEquals(OLD_EPOCH + ":7", connection.lastEventPosition());
    assertEquals("e-7", connection.lastEventId());
    connection.send(event("e-5", OLD_EPOCH, 5));
    connection.send(
        new JsonObject()
            .put("type", "replay")
            .put("recovered", false)
            .put("count", 0)
            .put("epoch", NEW_EPOCH));
    assertEquals(new ReplayResult(false, 0, "e-7", NEW_EPOCH, true), poll(replays));
    connection.send(event("n-0", NEW_EPOCH, 0));
    connection.send(event("n-1", NEW_EPOCH, 1));
    assertEquals(List.of("n-0", "n-1"), ids(2), "e-5 was a duplicate; n-0 and n-1 are not");
    assertEquals(new EventPosition(NEW_EPOCH, 1), client.lastPosition());
  }

  @Test
  void aGapReachesOnGapBeforeTheNextEvent() throws InterruptedException {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    client(ClientOptions.builder().endpoint(gateway.url()).subscription(Subscription.of("*")));
    client.onGap(gap -> order.add("gap")).onEvent(event -> order.add(event.id()));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection connection = gateway.nextConnection();
    connection.send(event("e-1", OLD_EPOCH, 119));
    connection.send(
        new JsonObject()
            .put("type", "gap")
            .put("epoch", OLD_EPOCH)
            .put("from", "120")
            .put("to", "180")
            .put("count", 61)
            .put("reason", "retention"));
    connection.send(event("e-181", OLD_EPOCH, 181));
    assertEquals(new Gap(OLD_EPOCH, 120, 180, 61, "retention"), poll(gaps));
    assertEquals(List.of("e-1", "e-181"), ids(2));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (order.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5); // the listeners of one message run one after the other, on the client
    }
    assertEquals(List.of("e-1", "gap", "e-181"), order);
  }

  private List<String> ids(int count) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(poll(events).id());
    }
    return ids;
  }

  @Test
  void stopsOnBadCredentials() {
    FakeGateway gateway =
        new FakeGateway(
            vertx,
            c -> {
              c.send(
                  new JsonObject()
                      .put("type", "error")
                      .put("code", 4002)
                      .put("message", "invalid token"));
              c.close(4002, "invalid token");
            });
    client(ClientOptions.builder().endpoint(gateway.url()).bearer("bad"));
    CompletableFuture<Void> connected = client.connect().toCompletionStage().toCompletableFuture();
    StateChange stopped = awaitState(ConnectionState.STOPPED);
    assertEquals(4002, stopped.closeCode());
    assertEquals(4002, poll(errors).code());
    assertFailsWith(connected, 4002);
    assertEquals(1, gateway.connections.size(), "no second attempt");
  }

  @Test
  void goingAwayMovesAtOnceToTheNextEndpoint() {
    FakeGateway a = new FakeGateway(vertx, c -> {});
    FakeGateway b = new FakeGateway(vertx, c -> {});
    client(
        ClientOptions.builder()
            .endpoint(a.url())
            .endpoint(b.url())
            .subscription(Subscription.of("*"))
            .backoff(FAST));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection onA = a.nextConnection();
    onA.send(event("e-5", 5));
    poll(events);
    onA.close(1001, "going away");
    StateChange lost = awaitState(ConnectionState.DISCONNECTED);
    assertEquals(Duration.ZERO, lost.retryIn());
    assertEquals(a.url(), lost.endpoint().toString(), "the reason is paired with its endpoint");
    assertEquals("going away", lost.reason());
    assertEquals(b.url(), lost.nextEndpoint().toString());
    FakeGateway.Connection onB = b.nextConnection();
    assertEquals("e-5", onB.lastEventId());
  }

  @Test
  void eachDisconnectNamesItsOwnEndpointAndError() {
    FakeGateway a = new FakeGateway(vertx, c -> c.close(4005, "a failed"));
    String nothing = "ws://127.0.0.1:1/ushs/v1/ws";
    client(ClientOptions.builder().endpoint(a.url()).endpoint(nothing).maxAttempts(2));
    client.connect();
    StateChange first = awaitState(ConnectionState.DISCONNECTED);
    assertEquals(a.url(), first.endpoint().toString());
    assertEquals(4005, first.closeCode());
    assertEquals("a failed", first.reason());
    assertEquals(nothing, first.nextEndpoint().toString());
    StateChange stopped = awaitState(ConnectionState.STOPPED);
    assertEquals(nothing, stopped.endpoint().toString());
    assertNull(stopped.closeCode());
    assertFalse(stopped.reason().contains("a failed"), stopped.reason());
    assertTrue(stopped.reason().startsWith("gave up after 2 attempts: "), stopped.reason());
    assertFalse(stopped.reason().endsWith(": "), "the refused connection's own error");
  }

  @Test
  void giveUpAfterTheAttemptLimitWhenNothingListens() {
    client(ClientOptions.builder().endpoint("ws://127.0.0.1:1/ushs/v1/ws").maxAttempts(2));
    CompletableFuture<Void> connected = client.connect().toCompletionStage().toCompletableFuture();
    StateChange stopped = awaitState(ConnectionState.STOPPED);
    assertTrue(stopped.reason().startsWith("gave up after 2 attempts"), stopped.reason());
    assertFailsWith(connected, 0);
  }

  @Test
  void refreshSendsTheTokenAndUsesItOnTheNextConnection() {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    client(ClientOptions.builder().endpoint(gateway.url()).bearer("old"));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection first = gateway.nextConnection();
    gateway.nextCommand();
    Instant expires = await(client.refresh("new").toCompletionStage().toCompletableFuture());
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), expires);
    assertEquals(
        new JsonObject().put("command", "refresh").put("token", "new"), gateway.nextCommand());
    first.close(4005, "server error");
    assertEquals("Bearer new", gateway.nextConnection().authorization());
  }

  @Test
  void pingAndUnsubscribeAreAnswered() {
    FakeGateway gateway = new FakeGateway(vertx, c -> {});
    client(
        ClientOptions.builder()
            .endpoint(gateway.url())
            .subscription(Subscription.of("error", "patch")));
    await(client.connect().toCompletionStage().toCompletableFuture());
    gateway.nextCommand();
    assertTrue(
        await(client.ping().toCompletionStage().toCompletableFuture()).isAfter(Instant.EPOCH));
    await(client.unsubscribe("patch").toCompletionStage().toCompletableFuture());
    gateway.nextCommand();
    assertEquals(
        new JsonObject().put("command", "unsubscribe").put("eventTypes", List.of("patch")),
        gateway.nextCommand());
  }
}
