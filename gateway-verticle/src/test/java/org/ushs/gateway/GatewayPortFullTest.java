package org.ushs.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.auth.Permissions;
import org.ushs.common.auth.Principal;
import org.ushs.common.bus.EventFeed;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.net.SharedPort;
import org.ushs.gateway.connection.ConnectionLimits;
import org.ushs.gateway.resume.MemoryLog;
import org.ushs.gateway.security.GatewaySecurity;

/**
 * The gateway port's bound on TCP connections in all: idle sockets hold their slots, one more is
 * closed at once (no handshake timeout to wait for), and a slot given back admits a client again.
 * Waits bound only a failure.
 */
class GatewayPortFullTest {

  private static final int SOCKETS = 2;

  private Vertx vertx;
  private int port;
  private final List<Socket> held = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    GatewaySettings settings = TestGatewaySettings.onOneLoop(100, 1000);
    Principal alice =
        new Principal("alice", new Permissions(null, null, false), Instant.now().plusSeconds(600));
    GatewayVerticle gateway =
        new GatewayVerticle(
            settings,
            GatewaySecurity.plain(credentials -> Future.succeededFuture(alice)),
            new MemoryLog(),
            new EventFeed(),
            () -> Future.succeededFuture(new JsonObject()),
            new ReplaySettings(1000, Duration.ofHours(1)),
            new GatewayMetrics(new SimpleMeterRegistry()),
            new ConnectionLimits(100, 100, 100, SOCKETS),
            new SharedPort(settings.bindHost(), settings.port()));
    await(vertx.deployVerticle(gateway));
    port = gateway.actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : held) {
      socket.close();
    }
    await(vertx.close());
  }

  @Test
  void aConnectionOverTheBoundInAllIsClosedAtOnceAndASlotGivenBackAdmitsAgain() throws Exception {
    for (int i = 0; i < SOCKETS; i++) {
      held.add(idle());
    }
    try (Socket over = idle()) {
      assertEquals(-1, over.getInputStream().read(), "closed without an answer");
    }
    held.remove(0).close();
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = connectOnceFree(client);
    CompletableFuture<String> pong = new CompletableFuture<>();
    ws.textMessageHandler(pong::complete);
    await(ws.writeTextMessage("{\"command\":\"ping\"}"));
    assertEquals("pong", new JsonObject(pong.get(60, TimeUnit.SECONDS)).getString("type"));
  }

  @Test
  void anUpgradedConnectionGivesBackItsSlotWhenItCloses() throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    for (int i = 0; i < 5 * SOCKETS; i++) {
      WebSocket ws = connectOnceFree(client);
      await(ws.close());
    }
  }

  /** A TCP connection that sends nothing; reads time out after 60 s (a failure, not a wait). */
  private Socket idle() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
    socket.setSoTimeout(60_000);
    return socket;
  }

  /** The server sees a close a moment after the client: tries until the slot is free. */
  private WebSocket connectOnceFree(WebSocketClient client) throws Exception {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(GatewayVerticle.PATH)
            .addHeader("Authorization", "Bearer any");
    ExecutionException last = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        return await(client.connect(options));
      } catch (ExecutionException closedAtOnce) {
        last = closedAtOnce;
        Thread.sleep(50);
      }
    }
    throw last;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
