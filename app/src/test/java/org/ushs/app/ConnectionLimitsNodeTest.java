package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.common.auth.JwtAuthenticator;
import org.ushs.common.auth.Permissions;

/**
 * CONTRACT.md section 7 on a node with small limits: 4 connections, 2 per identity, a 500 ms
 * handshake timeout, 20 messages/s with a burst of 10, and compression on.
 */
@Tag("integration")
class ConnectionLimitsNodeTest {

  private static final String PING = "{\"command\":\"ping\"}";

  private static TestNodes nodes;
  private static Vertx vertx;
  private static int port;
  private final List<RawWsClient> open = new ArrayList<>();

  @BeforeAll
  static void start() {
    nodes =
        TestNodes.start(
            1,
            Map.of(
                "USHS_MAX_CONNECTIONS", "4",
                "USHS_MAX_CONNECTIONS_PER_IDENTITY", "2",
                "USHS_HANDSHAKE_TIMEOUT", "500ms",
                "USHS_RATE_LIMIT", "20",
                "USHS_RATE_BURST", "10",
                "USHS_COMPRESSION", "true"));
    vertx = Vertx.vertx();
    port = nodes.node(0).gatewayPort();
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  @AfterEach
  void disconnect() throws IOException {
    for (RawWsClient client : open) {
      client.close();
    }
  }

  private static String token(String identity) {
    return new JwtAuthenticator(vertx, TestNodes.SECRET)
        .mint(identity, new Permissions(null, null, false), 60);
  }

  /** Connects as {@code identity} and returns the answer to a ping: a pong, or a close frame. */
  private RawWsClient.Frame attempt(String identity) throws IOException {
    RawWsClient client = RawWsClient.connect(port, "/ushs/v1/ws", token(identity), 0);
    open.add(client);
    client.sendText(PING);
    return client.next(10_000);
  }

  /** Connects as {@code identity} once the node admits it (slots are given back asynchronously). */
  private void admitted(String identity) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    RawWsClient.Frame answer = attempt(identity);
    while (answer.opcode() == RawWsClient.CLOSE && System.nanoTime() < deadline) {
      answer = attempt(identity);
    }
    assertEquals(RawWsClient.TEXT, answer.opcode(), "not admitted: " + answer.closeReason());
  }

  private static void assertRefused(RawWsClient.Frame answer, String reason) {
    assertEquals(RawWsClient.CLOSE, answer.opcode(), "admitted");
    assertEquals(1013, answer.closeCode());
    assertEquals(reason, answer.closeReason());
  }

  @Test
  void connectionsOverALimitAreClosed1013NamingIt() throws IOException {
    admitted("alice");
    admitted("alice");
    assertRefused(attempt("alice"), "connection limit: 2 per identity");
    admitted("bob");
    admitted("bob");
    assertRefused(attempt("carol"), "connection limit: 4 per node");
    open.get(0).close();
    admitted("carol");
    assertRefused(attempt("dave"), "connection limit: 4 per node");
  }

  @Test
  void aConnectionThatSendsNothingIsDroppedAfterTheHandshakeTimeout() throws IOException {
    assertDroppedWithin(new byte[0], 300, 5000);
  }

  @Test
  void aHandshakeLeftHalfWayIsDroppedAfterTheHandshakeTimeout() throws IOException {
    byte[] half =
        "GET /ushs/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.UTF_8);
    assertDroppedWithin(half, 300, 5000);
  }

  private static void assertDroppedWithin(byte[] sent, long minMs, long maxMs) throws IOException {
    try (RawWsClient raw = RawWsClient.open(port, 0)) {
      long start = System.nanoTime();
      raw.writeRaw(sent);
      assertNull(raw.read((int) maxMs), "the server sent a frame");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis >= minMs, "dropped after " + millis + " ms");
    }
  }

  @Test
  void anUpgradedConnectionOutlivesTheHandshakeTimeout() throws IOException {
    admitted("quiet");
    RawWsClient quiet = open.get(open.size() - 1);
    pause(1500);
    quiet.sendText(PING);
    assertEquals(RawWsClient.TEXT, quiet.next(5000).opcode());
  }

  @Test
  void aSteadyClientWithinTheRateIsNeverClosed() throws IOException {
    admitted("steady");
    RawWsClient steady = open.get(open.size() - 1);
    for (int i = 0; i < 45; i++) {
      pause(1000 / 15);
      steady.sendText(PING);
      RawWsClient.Frame reply = steady.next(5000);
      assertEquals(RawWsClient.TEXT, reply.opcode(), "closed: " + reply.closeReason());
      assertEquals("pong", new JsonObject(reply.text()).getString("type"));
    }
  }

  @Test
  void aBurstOverTheLimitIsServedUpToTheBurstThenClosed4003() throws IOException {
    admitted("bursty");
    RawWsClient bursty = open.get(open.size() - 1);
    for (int i = 0; i < 30; i++) {
      bursty.sendText(PING);
    }
    int pongs = 0;
    RawWsClient.Frame frame = bursty.next(5000);
    for (; frame.opcode() == RawWsClient.TEXT; frame = bursty.next(5000)) {
      JsonObject message = new JsonObject(frame.text());
      if (message.getString("type").equals("error")) {
        assertEquals(4003, message.getInteger("code"));
      } else {
        pongs++;
      }
    }
    assertTrue(pongs >= 9 && pongs <= 13, pongs + " served");
    assertEquals(4003, frame.closeCode());
    assertEquals("rate limit: 20/s burst 10 retry-after=1", frame.closeReason());
  }

  @Test
  void compressionIsOfferedWhenConfigured() throws Exception {
    RawWsClient raw =
        RawWsClient.connect(
            port,
            "/ushs/v1/ws",
            token("zipper"),
            0,
            "Sec-WebSocket-Extensions: permessage-deflate");
    open.add(raw);
    assertNotNull(raw.header("sec-websocket-extensions"));
    assertTrue(raw.header("sec-websocket-extensions").contains("permessage-deflate"));
    raw.send(RawWsClient.TEXT, PING.getBytes(StandardCharsets.UTF_8), true);
    RawWsClient.Frame pong = raw.next(10_000);
    assertEquals(RawWsClient.TEXT, pong.opcode());
    assertTrue(pong.compressed(), "messages leave compressed once it is negotiated");
    raw.close();

    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions().setTryUsePerMessageCompression(true));
    ClientWebSocket ws = client.webSocket();
    CompletableFuture<String> reply = new CompletableFuture<>();
    ws.textMessageHandler(reply::complete);
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/ushs/v1/ws")
            .addHeader("Authorization", "Bearer " + token("zipper"));
    TestNodes.await(ws.connect(options));
    assertTrue(ws.headers().get("sec-websocket-extensions").contains("permessage-deflate"));
    TestNodes.await(ws.writeTextMessage(PING));
    assertEquals("pong", new JsonObject(reply.get(10, TimeUnit.SECONDS)).getString("type"));
    assertFalse(ws.isClosed());
    client.close();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
