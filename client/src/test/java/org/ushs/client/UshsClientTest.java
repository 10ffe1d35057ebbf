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
            .onError(errors::add);
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

    first.send(event("e-1", 10));
    first.send(event("e-2", 11));
    assertEquals("e-1", poll(events).id());
    UshsEvent second = poll(events);
    assertInstanceOf(ErrorDetected.class, second.data());
    first.close(4006, "slow consumer");

    StateChange lost = awaitState(ConnectionState.DISCONNECTED);
    assertEquals(4006, lost.closeCode());
    FakeGateway.Connection again = gateway.nextConnection();
    assertEquals("e-2", again.lastEventId());
    assertEquals("/ushs/v1/ws?subscribe=error&service=api", again.uri());
    assertEquals("ping", gateway.nextCommand().getString("command"));
    assertEquals(
        Subscription.of("patch").withSeverities("high").toCommand(), gateway.nextCommand());
    awaitState(ConnectionState.RESUMING);

    again.send(event("e-2", 11));
    again.send(event("e-3", 12));
    again.send(new JsonObject().put("type", "replay").put("recovered", true).put("count", 1));
    assertEquals("e-3", poll(events).id(), "the duplicate e-2 is not delivered twice");
    assertEquals(new ReplayResult(true, 1, "e-3"), poll(replays));
    awaitState(ConnectionState.CONNECTED);
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
    client(ClientOptions.builder().endpoint(a.url()).endpoint(b.url()).backoff(FAST));
    await(client.connect().toCompletionStage().toCompletableFuture());
    FakeGateway.Connection onA = a.nextConnection();
    onA.send(event("e-5", 5));
    poll(events);
    onA.close(1001, "going away");
    StateChange lost = awaitState(ConnectionState.DISCONNECTED);
    assertEquals(Duration.ZERO, lost.retryIn());
    FakeGateway.Connection onB = b.nextConnection();
    assertEquals("e-5", onB.lastEventId());
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
