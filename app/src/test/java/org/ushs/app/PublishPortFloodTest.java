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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The publish port under garbage and floods: refusals leave one log line per kind and no stack
 * trace, {@code vertx_http_server_active_requests} comes back to what is in progress (GET and POST:
 * see OneEndPerRequest for the two ways Vert.x 5.0.7 makes it drift), and a publish port full of
 * idle connections leaves health and the gateway reachable.
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
        answeredBeforeItsBody();
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
      // the scrape itself is the one GET in progress
      assertEquals(1, metrics.sum("vertx_http_server_active_requests", Map.of("method", "GET")));
      assertEquals(0, settledPostRequests(0));
    }
  }

  /**
   * Each kind of refused POST, alone, leaves no active request behind: the malformed chunk was
   * counted out twice, the 413 answered before its body was never counted out (the two cancel in
   * the mixed loop above).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"malformed chunk", "413 before the body", "413 after the body", "dropped"})
  void eachRefusedPostIsCountedOutOnce(String kind) {
    double before = settledPostRequests(0);
    for (int i = 0; i < 5; i++) {
      switch (kind) {
        case "malformed chunk" -> malformedChunk();
        case "413 before the body" -> answeredBeforeItsBody();
        case "413 after the body" -> tooLarge();
        default -> dropped();
      }
    }
    assertEquals(before, settledPostRequests(before), kind);
  }

  /**
   * POST requests active: {@code expected} as soon as the node has seen the closes, otherwise what
   * it is after a bounded wait.
   */
  private static double settledPostRequests(double expected) {
    double active = Double.NaN;
    for (int attempt = 0; attempt < 100 && active != expected; attempt++) {
      sleep(attempt == 0 ? 0 : 100);
      active = scrape().sum("vertx_http_server_active_requests", Map.of("method", "POST"));
    }
    return active;
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

  /** A 413 on the declared length alone; the client closes without sending the body. */
  private static void answeredBeforeItsBody() {
    try (RawHttp client = RawHttp.open(ingest())) {
      client.send(head("Content-Length: 5000"));
      String answer = client.readResponse();
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
