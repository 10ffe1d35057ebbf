package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the WebSocket transport refuses, on a node with compression on: a compressed frame that
 * would inflate past {@code USHS_MAX_FRAME} (1009, without inflating it all), invalid UTF-8 (1007),
 * RSV1 without negotiated compression (1002), and a burst of pings answered only up to the rate
 * limit's burst (and what refills meanwhile, 1 per second here) before 4003.
 */
@Tag("integration")
class ProtocolHardeningTest {

  private static final int FIN = 0x80;
  private static final int RSV1 = 0x40;
  private static final String PING = "{\"type\":\"ping\"}";
  private static final String DEFLATE = "Sec-WebSocket-Extensions: permessage-deflate";

  private static TestNodes nodes;
  private static Vertx vertx;
  private static int port;
  private static String token;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of("USHS_COMPRESSION", "true", "USHS_RATE_LIMIT", "1"));
    vertx = Vertx.vertx();
    port = nodes.node(0).gatewayPort();
    token = TestNodes.subscriberToken(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  @Test
  void aSmallCompressedMessageIsServed() throws IOException {
    try (RawWsClient client = RawWsClient.connect(port, "/ushs/v1/ws", token, 0, DEFLATE)) {
      assertNotNull(client.header("sec-websocket-extensions"), "compression not negotiated");
      client.writeRaw(
          RawWsClient.frame(
              FIN | RSV1 | RawWsClient.TEXT, deflate(PING.getBytes(StandardCharsets.UTF_8))));
      RawWsClient.Frame reply = client.next(10_000);
      assertTrue(reply.compressed());
    }
  }

  @Test
  void aFrameInflatingPastTheLimitCloses1009() throws IOException {
    byte[] bomb = deflate(new byte[50 << 20]);
    assertTrue(bomb.length < 64 * 1024, "the compressed frame itself is within the limit");
    try (RawWsClient client = RawWsClient.connect(port, "/ushs/v1/ws", token, 0, DEFLATE)) {
      assertNotNull(client.header("sec-websocket-extensions"), "compression not negotiated");
      client.writeRaw(RawWsClient.frame(FIN | RSV1 | RawWsClient.TEXT, bomb));
      RawWsClient.Frame close = client.awaitClose(30_000);
      assertNotNull(close, "dropped without a close frame");
      assertEquals(1009, close.closeCode());
    }
  }

  @Test
  void invalidUtf8Closes1007() throws IOException {
    try (RawWsClient client = RawWsClient.connect(port, "/ushs/v1/ws", token, 0)) {
      byte[] overlong = {'{', (byte) 0xc0, (byte) 0xaf, '}'};
      client.send(RawWsClient.TEXT, overlong, true);
      RawWsClient.Frame close = client.awaitClose(10_000);
      assertNotNull(close, "dropped without a close frame");
      assertEquals(1007, close.closeCode());
    }
  }

  @Test
  void rsv1WithoutNegotiatedCompressionCloses1002() throws IOException {
    try (RawWsClient client = RawWsClient.connect(port, "/ushs/v1/ws", token, 0)) {
      client.writeRaw(
          RawWsClient.frame(
              FIN | RSV1 | RawWsClient.TEXT, deflate(PING.getBytes(StandardCharsets.UTF_8))));
      RawWsClient.Frame close = client.awaitClose(10_000);
      assertNotNull(close, "dropped without a close frame");
      assertEquals(1002, close.closeCode());
    }
  }

  @Test
  void aBurstOf3000PingsGetsAtMostTheBurstOfPongsThen4003() throws IOException {
    try (RawWsClient client = RawWsClient.connect(port, "/ushs/v1/ws", token, 0)) {
      byte[] ping = RawWsClient.frame(RawWsClient.PING, new byte[0], true);
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      for (int i = 0; i < 3000; i++) {
        burst.write(ping, 0, ping.length);
      }
      long start = System.nanoTime();
      client.writeRaw(burst.toByteArray());
      int pongs = 0;
      JsonObject error = null;
      RawWsClient.Frame frame = client.next(10_000);
      for (; frame.opcode() != RawWsClient.CLOSE; frame = client.next(10_000)) {
        if (frame.opcode() == RawWsClient.PONG) {
          pongs++;
        } else if (frame.opcode() == RawWsClient.TEXT) {
          error = new JsonObject(frame.text());
        }
      }
      long refilled = 1 + (System.nanoTime() - start) / 1_000_000_000L; // at 1 per second
      assertTrue(pongs <= 1000 + refilled, pongs + " pongs for a burst allowance of 1000");
      assertNotNull(error);
      assertEquals(4003, error.getInteger("code"));
      assertEquals(4003, frame.closeCode());
    }
  }

  /** A permessage-deflate payload: raw deflate, sync-flushed, without the 00 00 ff ff tail. */
  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    int n;
    while ((n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(chunk, 0, n);
    }
    deflater.end();
    byte[] all = out.toByteArray();
    return Arrays.copyOf(all, all.length - 4);
  }
}
