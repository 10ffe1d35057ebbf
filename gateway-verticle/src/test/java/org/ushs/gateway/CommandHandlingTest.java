package org.ushs.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.Credentials;
import org.ushs.common.auth.Permissions;
import org.ushs.common.auth.Principal;
import org.ushs.common.bus.EventFeed;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.health.Readiness;
import org.ushs.common.net.SharedPort;
import org.ushs.gateway.connection.ConnectionLimits;
import org.ushs.gateway.resume.MemoryLog;
import org.ushs.gateway.security.GatewaySecurity;

/**
 * Command handling on a real gateway verticle over a real socket: an unexpected fault is a 4005
 * error and the connection goes on; {@code unsubscribe} says what it did; subscriptions and
 * selectors per connection are bounded (4004 naming the limit, nothing kept of a refused command).
 * Waits are long (60 s) and bound only a failure: nothing here is timed.
 *
 * <p>The test's {@link WebSocketClient} is held for the whole test: Vert.x 5 shuts down a client
 * that is no longer reachable (a {@code Cleaner} on its public wrapper), and the shutdown closes a
 * handshake in flight from the client side. A client made for one connect and dropped had its
 * handshake closed whenever a collection ran before the upgrade (see {@link
 * #aHandshakeOutlivesAGarbageCollection}).
 */
class CommandHandlingTest {

  private static final int MAX_SUBSCRIPTIONS = 3;
  private static final int MAX_SELECTORS = 5;

  private Vertx vertx;
  private WebSocketClient client;
  private int port;
  private ClientWebSocket ws;
  private final MemoryLog log = new MemoryLog();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private volatile String withheld;

  /** Ready; withholds history while {@link #withheld} is set, as a node without quorum does. */
  private final Readiness readiness =
      new Readiness() {
        @Override
        public Future<JsonObject> check() {
          return Future.succeededFuture(new JsonObject());
        }

        @Override
        public Optional<String> historyWithheld() {
          return Optional.ofNullable(withheld);
        }
      };

  private final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();

  /** Accepts the token {@code good}; the token {@code fault} makes the authenticator throw. */
  private static final Authenticator AUTHENTICATOR =
      credentials -> {
        String token = ((Credentials.BearerToken) credentials).token();
        if (token.equals("fault")) {
          throw new IllegalStateException("authenticator fault (test)");
        }
        if (token.equals("collect")) {
          return Future.fromCompletionStage(
                  CompletableFuture.runAsync(CommandHandlingTest::collectGarbage),
                  Vertx.currentContext())
              .map(collected -> alice());
        }
        if (!token.equals("good")) {
          return Future.failedFuture(AuthFailure.invalid("invalid token"));
        }
        return Future.succeededFuture(alice());
      };

  private static Principal alice() {
    Instant expires = Instant.now().plusSeconds(3600);
    return new Principal("alice", new Permissions(null, null, false), expires);
  }

  /**
   * Runs collections (and gives a cleaner time to act on what they found) while a handshake waits.
   */
  private static void collectGarbage() {
    for (int i = 0; i < 10; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    GatewaySettings settings = TestGatewaySettings.onOneLoop(MAX_SUBSCRIPTIONS, MAX_SELECTORS);
    GatewayVerticle gateway =
        new GatewayVerticle(
            settings,
            GatewaySecurity.plain(AUTHENTICATOR),
            log,
            new EventFeed(),
            readiness,
            new ReplaySettings(1000, Duration.ofHours(1)),
            new GatewayMetrics(registry),
            new ConnectionLimits(100, 100),
            new SharedPort(settings.bindHost(), settings.port()));
    await(vertx.deployVerticle(gateway));
    port = gateway.actualPort();
    client = vertx.createWebSocketClient();
    ws = connect("good");
  }

  private ClientWebSocket connect(String token) throws Exception {
    ClientWebSocket socket = client.webSocket();
    socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(GatewayVerticle.PATH)
            .addHeader("Authorization", "Bearer " + token);
    await(socket.connect(options));
    return socket;
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private JsonObject request(JsonObject command) throws Exception {
    await(ws.writeTextMessage(command.encode()));
    JsonObject reply = messages.poll(60, TimeUnit.SECONDS);
    assertTrue(reply != null, "no reply to " + command.encode());
    return reply;
  }

  private static JsonObject command(String name, String... types) {
    return new JsonObject().put("command", name).put("eventTypes", new JsonArray(List.of(types)));
  }

  private static JsonObject subscribe(String service, String... types) {
    return command("subscribe", types).put("filters", new JsonObject().put("service", service));
  }

  private void assertError(int code, String containing, JsonObject reply) {
    assertEquals("error", reply.getString("type"), reply.encode());
    assertEquals(code, reply.getInteger("code"), reply.encode());
    assertTrue(reply.encode().contains(containing), reply.encode());
  }

  /**
   * The regression of a client dropped after its connect: the gateway holds this handshake while
   * collections run, then accepts it; the connection must be open and answer.
   */
  @Test
  void aHandshakeOutlivesAGarbageCollection() throws Exception {
    ws = connect("collect");
    assertEquals("pong", request(new JsonObject().put("command", "ping")).getString("type"));
  }

  @Test
  void anUnexpectedFaultIs4005AndTheConnectionGoesOn() throws Exception {
    JsonObject reply = request(new JsonObject().put("command", "refresh").put("token", "fault"));
    assertError(4005, "Server error", reply);
    assertEquals("subscribed", request(command("subscribe", "error")).getString("type"));
    assertEquals("pong", request(new JsonObject().put("command", "ping")).getString("type"));
  }

  @Test
  void unsubscribeOfAFullTypeUnderItsCategoryExcludesIt() throws Exception {
    request(command("subscribe", "error"));
    JsonObject reply = request(command("unsubscribe", "org.ushs.error.detected"));
    assertEquals("unsubscribed", reply.getString("type"), reply.encode());
  }

  @Test
  void unsubscribeThatChangesNothingIsRefusedNotAcknowledged() throws Exception {
    request(command("subscribe", "error"));
    assertError(4004, "not subscribed", request(command("unsubscribe", "session")));
    request(command("unsubscribe", "error"));
    assertError(4004, "not subscribed", request(command("unsubscribe", "error")));
  }

  @Test
  void subscriptionsOverTheBoundAreRefusedAndNothingOfThemIsKept() throws Exception {
    for (int i = 0; i < MAX_SUBSCRIPTIONS; i++) {
      assertEquals("subscribed", request(subscribe("svc-" + i, "error")).getString("type"));
    }
    for (int i = 0; i < 200; i++) {
      assertError(
          4004,
          "subscription limit: 3 per connection",
          request(subscribe("other-" + i, "session")));
    }
    assertError(4004, "not subscribed", request(command("unsubscribe", "session")));
    assertEquals("pong", request(new JsonObject().put("command", "ping")).getString("type"));
  }

  @Test
  void selectorsOverTheBoundAreRefused() throws Exception {
    request(command("subscribe", "error", "session", "patch"));
    JsonObject reply =
        request(command("subscribe", "org.ushs.error.detected", "health", "deployment"));
    assertError(4004, "selector limit: 5", reply);
    assertEquals("subscribed", request(command("subscribe", "health")).getString("type"));
  }

  @Test
  void unsubscribeOfASubscriptionWaitingForItsReplayRemovesItAndItsReplay() throws Exception {
    log.append(1, 10);
    log.holdReads();
    String from = MemoryLog.EPOCH + ":2";
    assertEquals(
        "subscribed",
        request(command("subscribe", "error").put("lastPosition", from)).getString("type"));
    JsonObject waiting = command("subscribe", "session", "health").put("lastPosition", from);
    assertEquals("subscribed", request(waiting).getString("type"), "waits: a replay runs");
    assertEquals(
        "unsubscribed", request(command("unsubscribe", "session")).getString("type"), "narrowed");
    assertEquals(
        "unsubscribed", request(command("unsubscribe", "health")).getString("type"), "removed");
    assertError(4004, "not subscribed", request(command("unsubscribe", "health")));
    log.releaseReads();
    for (long sequence = 3; sequence < 10; sequence++) {
      assertEquals(sequence, messages.poll(60, TimeUnit.SECONDS).getLong("sequence"));
    }
    JsonObject replay = messages.poll(60, TimeUnit.SECONDS);
    assertEquals("replay", replay.getString("type"), replay.encode());
    assertEquals(7, replay.getInteger("count"));
    assertEquals(1.0, registry.get("ushs.replay.requests").counter().count(), "no second replay");
  }

  @Test
  void aResumeAskedByCommandOfANodeThatCannotVouchForTheLogIsRefusedWith1013() throws Exception {
    log.append(1, 5);
    withheld = "no quorum";
    assertEquals("subscribed", request(command("subscribe", "session")).getString("type"), "live");
    Promise<Short> closed = Promise.promise();
    ws.closeHandler(v -> closed.tryComplete(ws.closeStatusCode()));
    ws.writeTextMessage(command("subscribe", "error").put("lastEventId", "earliest").encode());
    assertEquals((short) 1013, await(closed.future()));
    assertEquals("try again later: no quorum", ws.closeReason());
  }
}
