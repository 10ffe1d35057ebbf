package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ushs.common.bus.Addresses;

/**
 * A real node delivers {@code data} and extension attributes as the exact bytes published (CONTRACT
 * §2: "kept as sent"), in every publish mode; invalid UTF-8 and duplicate keys are refused 400
 * naming where.
 */
class DataAsSentTest {

  private static final AtomicLong IDS = new AtomicLong();

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private static WebSocketClient client;
  private static final LinkedBlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of());
    vertx = Vertx.vertx();
    publish = new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
    client = vertx.createWebSocketClient();
    ClientWebSocket ws = client.webSocket();
    ws.textMessageHandler(RECEIVED::add);
    TestNodes.await(
        ws.connect(
            new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(nodes.node(0).gatewayPort())
                .setURI("/ushs/v1/ws?subscribe=health")
                .addHeader("Authorization", "Bearer " + TestNodes.subscriberToken(vertx))));
  }

  @AfterAll
  static void stop() {
    client.close();
    publish.close();
    vertx.close();
    nodes.close();
  }

  private static String event(String id, String rest) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/as-sent\",\"type\":\"org.ushs.health.checked\""
        + rest
        + "}";
  }

  private static String next() {
    try {
      String message = RECEIVED.poll(10, TimeUnit.SECONDS);
      assertNotNull(message, "no event within 10 s");
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The delivered event less the {@code sequence} and {@code epoch} the log splices in first, and
   * the appended {@code time} attribute.
   */
  private static String published(String delivered) {
    assertTrue(delivered.startsWith("{\"sequence\":\""), delivered);
    String rest = delivered.substring(delivered.indexOf("\",") + 2);
    assertTrue(rest.startsWith("\"epoch\":\""), delivered);
    rest = rest.substring(rest.indexOf("\",") + 2);
    int time = rest.lastIndexOf(",\"time\":\"");
    assertTrue(time > 0 && rest.endsWith("\"}"), delivered);
    return "{" + rest.substring(0, time) + "}";
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "1e400",
        "12345678901234567890.123456789",
        "1796398645248.123",
        "-0",
        "1e2",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"é😀\""
      })
  void everyModeDeliversDataAndExtensionsByteForByte(String value) {
    String rest = ",\"myext\":" + value + ",\"data\":{\"value\" :" + value + ", \"n\": [1.50]}";
    String one = event("s-" + IDS.incrementAndGet(), rest);
    assertEquals(202, post("application/cloudevents+json", one).statusCode());
    assertEquals(one, published(next()));

    String first = event("b-" + IDS.incrementAndGet(), rest);
    String second = event("b-" + IDS.incrementAndGet(), ",\"data\":{\"x\":" + value + "}");
    String batch = "[ " + first + ",\n" + second + " ]";
    assertEquals(202, post("application/cloudevents-batch+json", batch).statusCode());
    assertEquals(first, published(next()));
    assertEquals(second, published(next()));

    String body = "{\"value\":" + value + " }";
    assertEquals(202, binary("bin-" + IDS.incrementAndGet(), body).statusCode());
    String delivered = next();
    assertTrue(delivered.contains(",\"data\":" + body + ","), delivered);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"c0af", "eda080", "ff"})
  void invalidUtf8IsRefusedNamingTheByte(String hex) {
    byte[] head =
        event("u-" + IDS.incrementAndGet(), ",\"data\":{\"s\":\"")
            .replace("}", "")
            .getBytes(StandardCharsets.UTF_8);
    Buffer body =
        Buffer.buffer(head).appendBytes(HexFormat.of().parseHex(hex)).appendString("\"}}");
    HttpResponse<Buffer> response = publish.post("application/cloudevents+json", body);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals(
        new JsonObject().put("field", "body").put("error", "invalid UTF-8 at byte " + head.length),
        response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ,"data":{"a":1,"a":2}                    | data.a
          ,"data":{"m":{"k":[{"z":1,"z":1}]}}      | data.m.k[0].z
          ,"myext":"x","myext":"y"                 | myext
          """)
  void duplicateKeysAreRefusedNamingThePath(String rest, String path) {
    HttpResponse<Buffer> response =
        post("application/cloudevents+json", event("d-" + IDS.incrementAndGet(), rest));
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals(
        new JsonObject().put("field", path).put("error", "duplicate key"),
        response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0));
  }

  @Test
  void busIngestOfABufferKeepsItsBytes() {
    String one = event("bus-" + IDS.incrementAndGet(), ",\"data\":{\"v\":1e2}");
    TestNodes.await(nodes.node(0).vertx().eventBus().request(Addresses.INGEST, Buffer.buffer(one)));
    assertEquals(one, published(next()));
    assertEquals(List.of(), List.copyOf(RECEIVED));
  }

  private static HttpResponse<Buffer> binary(String id, String body) {
    return TestNodes.await(
        WebClient.create(vertx)
            .post(nodes.node(0).ingestPort(), "127.0.0.1", "/ushs/v1/events")
            .putHeader("Authorization", "Bearer " + TestNodes.publisherToken(vertx))
            .putHeader("Content-Type", "application/json")
            .putHeader("ce-specversion", "1.0")
            .putHeader("ce-id", id)
            .putHeader("ce-source", "/as-sent")
            .putHeader("ce-type", "org.ushs.health.checked")
            .sendBuffer(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))));
  }

  private static HttpResponse<Buffer> post(String contentType, String body) {
    return publish.post(contentType, Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }
}
