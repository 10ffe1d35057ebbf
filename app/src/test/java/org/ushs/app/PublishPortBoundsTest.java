package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The publish port's bounds on what a client controls, over real sockets: an unfinished head, an
 * endless chunked body, an idle kept-alive connection, an oversized head, and connections per IP
 * address on both ports. Each test connects from its own loopback address, so that their counts per
 * IP do not mix.
 */
class PublishPortBoundsTest {

  private static TestNodes nodes;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    nodes =
        TestNodes.start(
            1,
            Map.of(
                "USHS_INGEST_HEADER_TIMEOUT", "500ms",
                "USHS_INGEST_BODY_TIMEOUT", "1s",
                "USHS_INGEST_IDLE_TIMEOUT", "2s",
                "USHS_INGEST_MAX_HEADER_SIZE", "2KiB",
                "USHS_MAX_CONNECTIONS_PER_IP", "5",
                // the bounds hold for the port, whichever instance takes a connection
                "USHS_INGEST_INSTANCES", "3"));
    vertx = Vertx.vertx();
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
  void anUnfinishedHeadIsClosedAfterTheHeaderTimeout() {
    try (RawHttp client = RawHttp.open("127.0.0.11", ingest())) {
      client.send("POST /ushs/v1/events HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
      assertEquals("", client.readUntilClosed(), "closed without an answer");
    }
  }

  @Test
  void anEndlessChunkedBodyIsAnswered408AndClosed() throws InterruptedException {
    try (RawHttp client = RawHttp.open("127.0.0.12", ingest())) {
      client.send(
          "POST /ushs/v1/events HTTP/1.1\r\nHost: localhost\r\n"
              + "Authorization: Bearer "
              + TestNodes.publisherToken(vertx)
              + "\r\nContent-Type: application/cloudevents+json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      AtomicBoolean open = new AtomicBoolean(true);
      Thread trickle =
          new Thread(
              () -> {
                while (open.get() && client.send("1\r\n \r\n")) {
                  sleep(100);
                }
              });
      trickle.start();
      String answer = client.readUntilClosed();
      open.set(false);
      trickle.join();
      assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() {
    try (RawHttp client = RawHttp.open("127.0.0.13", ingest())) {
      client.send(RawHttp.get("/health/live"));
      assertTrue(client.readResponse().startsWith("HTTP/1.1 200 "));
      assertEquals("", client.readUntilClosed());
    }
  }

  @Test
  void anOversizedHeadIsRefused431() {
    try (RawHttp client = RawHttp.open("127.0.0.14", ingest())) {
      client.send(
          "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: "
              + "a".repeat(4000)
              + "\r\n\r\n");
      String answer = client.readUntilClosed();
      assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
    }
  }

  @Test
  void bothPortsListenOnTheConfiguredAddressOnly() {
    for (int port : new int[] {ingest(), nodes.node(0).gatewayPort()}) {
      try (Socket socket = new Socket()) {
        assertThrows(
            ConnectException.class,
            () -> socket.connect(new InetSocketAddress("127.0.0.2", port), 5000),
            "port " + port + " on 127.0.0.2, with USHS_HTTP_HOST=127.0.0.1");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void connectionsBeyondTheBoundPerIpAreAnswered429OnThePublishPort() {
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        held.add(RawHttp.open("127.0.0.15", ingest()));
      }
      for (RawHttp client : held) {
        client.send(RawHttp.get("/health/live"));
        assertTrue(client.readResponse().startsWith("HTTP/1.1 200 "));
      }
      try (RawHttp sixth = RawHttp.open("127.0.0.15", ingest())) {
        sixth.send(RawHttp.get("/health/live"));
        String answer = sixth.readUntilClosed();
        assertTrue(answer.startsWith("HTTP/1.1 429 "), answer);
        assertTrue(answer.contains("connection limit: 5 per IP"), answer);
      }
      try (RawHttp elsewhere = RawHttp.open("127.0.0.16", ingest())) {
        elsewhere.send(RawHttp.get("/health/live"));
        assertTrue(elsewhere.readResponse().startsWith("HTTP/1.1 200 "), "another address");
      }
    } finally {
      held.forEach(RawHttp::close);
    }
  }

  @Test
  void connectionsBeyondTheBoundPerIpAreClosed1013OnTheGateway() {
    int gateway = nodes.node(0).gatewayPort();
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        held.add(RawHttp.open("127.0.0.17", gateway));
      }
      for (RawHttp client : held) { // each counted, on whichever event loop took it
        client.send(RawHttp.get("/health/live"));
        assertTrue(client.readResponse().startsWith("HTTP/1.1 200 "));
      }
      try (RawHttp sixth = RawHttp.open("127.0.0.17", gateway)) {
        sixth.send(RawHttp.upgrade("/ushs/v1/ws"));
        assertTrue(sixth.readResponse().startsWith("HTTP/1.1 101 "));
        assertEquals("1013 connection limit: 5 per IP", sixth.closeFrame());
      }
    } finally {
      held.forEach(RawHttp::close);
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
