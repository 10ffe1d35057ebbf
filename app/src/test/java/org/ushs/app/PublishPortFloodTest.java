package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The publish port under garbage and floods: refusals leave one log line per kind and no stack
 * trace, {@code vertx_http_server_active_requests} for GET comes back to what is in progress, and a
 * publish port full of idle connections leaves health and the gateway reachable.
 */
class PublishPortFloodTest {

  private static final int MAX_CONNECTIONS = 20;

  private static TestNodes nodes;
  private static Vertx vertx;
  private static String token;

  @BeforeAll
  static void start() {
    nodes =
        TestNodes.start(
            1,
            Map.of(
                "USHS_INGEST_MAX_CONNECTIONS",
                Integer.toString(MAX_CONNECTIONS),
                "USHS_MAX_BODY",
                "2KiB"));
    vertx = Vertx.vertx();
    token = TestNodes.publisherToken(vertx);
    try (RawHttp warm = RawHttp.open(ingest())) { // class loading on a busy machine
      warm.send(RawHttp.get("/health/live"));
      warm.readResponse();
    }
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  private static int ingest() {
    return nodes.node(0).ingestPort();
  }

  @Test
  void garbageIsRefusedQuietlyAndActiveRequestsDoNotLeak() {
    try (LogCapture logs = new LogCapture()) {
      int mark = logs.mark();
      for (int i = 0; i < 20; i++) {
        malformedChunk();
        tooLarge();
        dropped();
        keptAliveGets();
      }
      Publish publish = new Publish(vertx, ingest(), token);
      for (int i = 0; i < 5; i++) {
        publish.ok(Publish.error("svc", "low"));
      }
      publish.close();
      List<String> traces = logs.since(mark, line -> line.contains("\tat "));
      assertEquals(List.of(), traces, "no stack trace for client garbage");
      List<String> refusals = logs.since(mark, line -> line.contains("publish port refused"));
      assertTrue(refusals.size() <= 6, "one line per kind: " + refusals);
      PromText metrics = scrape();
      // the scrape itself is the one GET in progress; POST is not asserted: Vert.x 5.0.7 counts a
      // request that was answered (413, 400) and then reset by the close of its connection twice,
      // so the POST series goes below zero (-20 after this test), the opposite of the leak
      assertEquals(1, metrics.sum("vertx_http_server_active_requests", Map.of("method", "GET")));
    }
  }

  @Test
  void aFullPublishPortLeavesHealthAndTheGatewayReachable() {
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONNECTIONS; i++) {
        RawHttp client = RawHttp.open("127.0.1." + (1 + i / 10), ingest());
        client.send(RawHttp.get("/health/live"));
        assertTrue(client.readResponse().startsWith("HTTP/1.1 200 "), "connection " + i);
        held.add(client);
      }
      try (RawHttp over = RawHttp.open("127.0.1.9", ingest())) {
        over.send(RawHttp.get("/health/live"));
        assertEquals("", over.readUntilClosed(), "closed at once");
      }
      try (RawHttp gateway = RawHttp.open(nodes.node(0).gatewayPort())) {
        gateway.send(RawHttp.get("/health/ready"));
        assertTrue(gateway.readResponse().startsWith("HTTP/1.1 200 "));
      }
      held.remove(0).close();
      RawHttp again = retryOpen();
      again.close();
    } finally {
      held.forEach(RawHttp::close);
    }
  }

  /** A connection once a slot is free again (the server sees a close a moment after it). */
  private static RawHttp retryOpen() {
    for (int attempt = 0; attempt < 100; attempt++) {
      RawHttp client = RawHttp.open("127.0.1.9", ingest());
      client.send(RawHttp.get("/health/live"));
      String answer = client.readUntilClosedOrResponse();
      if (answer.startsWith("HTTP/1.1 200 ")) {
        return client;
      }
      client.close();
      sleep(50);
    }
    throw new AssertionError("no slot came free");
  }

  private static void malformedChunk() {
    try (RawHttp client = RawHttp.open(ingest())) {
      client.send(head("Transfer-Encoding: chunked") + "zz-not-a-size\r\nxx\r\n0\r\n\r\n");
      String answer = client.readUntilClosed();
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400 "), answer);
    }
  }

  private static void tooLarge() {
    try (RawHttp client = RawHttp.open(ingest())) {
      client.send(head("Content-Length: 5000") + "x".repeat(5000));
      String answer = client.readUntilClosed();
      assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
    }
  }

  private static void dropped() {
    try (RawHttp client = RawHttp.open(ingest())) {
      client.send(head("Content-Length: 1000") + "{\"half\":");
    }
  }

  private static void keptAliveGets() {
    try (RawHttp client = RawHttp.open(ingest())) {
      for (String path : List.of("/health/live", "/health/ready", "/metrics", "/nowhere")) {
        client.send(RawHttp.get(path));
        client.readResponse();
      }
    }
  }

  private static String head(String framing) {
    return "POST /ushs/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + token
        + "\r\nContent-Type: application/cloudevents+json\r\n"
        + framing
        + "\r\n\r\n";
  }

  private static PromText scrape() {
    try (RawHttp client = RawHttp.open(ingest())) {
      client.send(RawHttp.get("/metrics"));
      String response = client.readResponse();
      return PromText.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
