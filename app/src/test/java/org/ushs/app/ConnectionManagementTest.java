package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** CONTRACT.md section 7 on a real node: heartbeat, rate limit, size limits. Pings every 200 ms. */
@Tag("integration")
class ConnectionManagementTest {

  static final int INTERVAL_MS = 200;
  static final int MAX_FRAME = 8192;
  private static final String PING = "{\"command\":\"ping\"}";

  private static TestNodes nodes;
  private static Vertx vertx;
  private static int port;
  private static String token;

  @BeforeAll
  static void start() {
    nodes =
        TestNodes.start(
            1,
            Map.of(
                "USHS_PING_INTERVAL",
                INTERVAL_MS + "ms",
                "USHS_MAX_FRAME",
                Integer.toString(MAX_FRAME)));
    vertx = Vertx.vertx();
    port = nodes.node(0).gatewayPort();
    token = TestNodes.subscriberToken(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  private static RawWsClient raw() throws IOException {
    RawWsClient client = RawWsClient.connect(port, "/ushs/v1/ws", token, 0);
    assertEquals(101, client.status());
    return client;
  }

  @Test
  void aClientThatAnswersNoPingIsClosedAfterThreeUnanswered() throws IOException {
    try (RawWsClient silent = raw()) {
      long start = System.nanoTime();
      int pings = 0;
      RawWsClient.Frame frame = silent.next(10_000);
      while (frame.opcode() != RawWsClient.CLOSE) {
        pings += frame.opcode() == RawWsClient.PING ? 1 : 0;
        frame = silent.next(10_000);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(1001, frame.closeCode());
      assertEquals("heartbeat timeout", frame.closeReason());
      assertEquals(3, pings);
      assertTrue(millis >= 2 * INTERVAL_MS && millis < 20 * INTERVAL_MS, millis + " ms");
    }
  }

  @Test
  void clientsThatAnswerStayOpen() throws IOException {
    try (RawWsClient ponger = raw();
        RawWsClient talker = raw()) {
      WsClient library = WsClient.connect(vertx, port, "/ushs/v1/ws", token);
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10L * INTERVAL_MS);
      int pongerPings = 0;
      while (System.nanoTime() < end) {
        RawWsClient.Frame frame;
        while ((frame = ponger.poll()) != null) {
          assertEquals(RawWsClient.PING, frame.opcode(), "ponger got " + frame.opcode());
          pongerPings++;
          ponger.send(RawWsClient.PONG, frame.payload().getBytes(), true);
        }
        talker.sendText(PING); // answers no ping frame, but talks
        pause(INTERVAL_MS / 2);
      }
      assertTrue(pongerPings >= 6, pongerPings + " pings");
      assertFalse(library.isClosed());
      library.request(new JsonObject().put("command", "ping"), "pong");
      library.close();
      talker.sendText("{\"command\":\"subscribe\",\"eventTypes\":[\"health\"]}");
      RawWsClient.Frame last;
      do {
        last = talker.next(5000);
        assertNotEquals(RawWsClient.CLOSE, last.opcode(), "talker closed");
      } while (last.opcode() != RawWsClient.TEXT || !last.text().contains("subscribed"));
    }
  }

  @Test
  void aBurstOf1500IsServedUpToTheBurstThenClosed4003() throws IOException {
    try (RawWsClient client = raw()) {
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      byte[] ping =
          RawWsClient.frame(RawWsClient.TEXT, PING.getBytes(StandardCharsets.UTF_8), true);
      for (int i = 0; i < 1500; i++) {
        burst.write(ping, 0, ping.length);
      }
      client.writeRaw(burst.toByteArray());
      int pongs = 0;
      JsonObject error = null;
      RawWsClient.Frame frame = client.next(10_000);
      for (; frame.opcode() != RawWsClient.CLOSE; frame = client.next(10_000)) {
        if (frame.opcode() == RawWsClient.TEXT) {
          JsonObject message = new JsonObject(frame.text());
          if (message.getString("type").equals("pong")) {
            assertNull(error, "served after the error");
            pongs++;
          } else {
            error = message;
          }
        }
      }
      assertTrue(pongs >= 1000 && pongs < 1100, pongs + " served");
      assertNotNull(error);
      assertEquals(4003, error.getInteger("code"));
      assertEquals(4003, frame.closeCode());
      assertEquals("rate limit: 100/s burst 1000 retry-after=1", frame.closeReason());
    }
  }

  @Test
  void aFrameOverTheLimitCloses1009() throws IOException {
    try (RawWsClient client = raw()) {
      client.send(RawWsClient.TEXT, new byte[MAX_FRAME + 1], true);
      RawWsClient.Frame close = client.awaitClose(10_000);
      assertNotNull(close, "dropped without a close frame");
      assertEquals(1009, close.closeCode());
    }
  }

  @Test
  void aMessageOverTheLimitInSmallFramesCloses1009() throws IOException {
    try (RawWsClient client = raw()) {
      byte[] part = new byte[MAX_FRAME / 2];
      client.send(RawWsClient.TEXT, part, false);
      client.send(RawWsClient.CONTINUATION, part, false);
      client.send(RawWsClient.CONTINUATION, part, true);
      RawWsClient.Frame close = client.awaitClose(10_000);
      assertNotNull(close, "dropped without a close frame");
      assertEquals(1009, close.closeCode());
    }
  }

  @Test
  void aMessageAtTheLimitIsServed() throws IOException {
    try (RawWsClient client = raw()) {
      String padded = PING.substring(0, PING.length() - 1) + ",\"pad\":\"";
      String message = padded + "x".repeat(MAX_FRAME - padded.length() - 2) + "\"}";
      assertEquals(MAX_FRAME, message.length());
      client.sendText(message);
      RawWsClient.Frame reply;
      do {
        reply = client.next(5000);
      } while (reply.opcode() == RawWsClient.PING);
      assertEquals("pong", new JsonObject(reply.text()).getString("type"));
    }
  }

  @Test
  void compressionIsNotOfferedByDefault() throws IOException {
    try (RawWsClient client =
        RawWsClient.connect(
            port, "/ushs/v1/ws", token, 0, "Sec-WebSocket-Extensions: permessage-deflate")) {
      assertEquals(101, client.status());
      assertNull(client.header("sec-websocket-extensions"));
    }
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
