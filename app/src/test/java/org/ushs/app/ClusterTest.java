package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.common.bus.Addresses;

/**
 * Three real nodes on loopback: cross-node delivery, publishes from two ingest nodes crossing, and
 * gap filling from the log when the bus drops messages.
 */
@Tag("integration")
class ClusterTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private final List<WsClient> clients = new ArrayList<>();
  private Handler<DeliveryContext<Object>> interceptor;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(3, Map.of());
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  @AfterEach
  void cleanUp() {
    clients.forEach(WsClient::close);
    if (interceptor != null) {
      nodes.node(2).vertx().eventBus().removeInboundInterceptor(interceptor);
    }
  }

  private WsClient subscriber(int node) {
    WsClient client =
        WsClient.connect(
            vertx,
            nodes.node(node).gatewayPort(),
            "/ushs/v1/ws?subscribe=*",
            TestNodes.subscriberToken(vertx));
    clients.add(client);
    return client;
  }

  private Publish publisher(int node) {
    return new Publish(vertx, nodes.node(node).ingestPort(), TestNodes.publisherToken(vertx));
  }

  @Test
  void anEventPublishedOnOneNodeReachesClientsOnEveryNode() {
    List<WsClient> everywhere = List.of(subscriber(0), subscriber(1), subscriber(2));
    Publish publish = publisher(0);
    JsonObject event = Publish.error("svc", "high");
    awaitBusSpread(publish, everywhere);
    publish.ok(event);
    for (WsClient client : everywhere) {
      assertEquals(event.getString("id"), client.next().getString("id"));
    }
    publish.close();
  }

  @Test
  void publishesFromTwoIngestNodesArriveContiguousAndInOrder() {
    WsClient client = subscriber(2);
    Publish first = publisher(0);
    Publish second = publisher(1);
    awaitBusSpread(first, List.of(client));
    int count = 200;
    Thread other = new Thread(() -> publishMany(second, count / 2));
    other.start();
    publishMany(first, count / 2);
    join(other);
    assertContiguous(client.next(count));
    client.assertQuiet(300);
    first.close();
    second.close();
  }

  @Test
  void eventsTheBusDropsAreFilledFromTheLogInOrder() {
    WsClient client = subscriber(2);
    Publish publish = publisher(0);
    awaitBusSpread(publish, List.of(client));
    AtomicInteger seen = new AtomicInteger();
    interceptor =
        ctx -> {
          boolean events = Addresses.EVENTS.equals(ctx.message().address());
          if (!events || seen.incrementAndGet() % 3 != 0) {
            ctx.next();
          }
        };
    nodes.node(2).vertx().eventBus().addInboundInterceptor(interceptor);
    publishMany(publish, 60);
    assertContiguous(client.next(60));
    client.assertQuiet(300);
    assertTrue(seen.get() >= 3, "the interceptor dropped some of " + seen.get());
    publish.close();
  }

  @Test
  void aLostLastEventIsFoundByTheTailCheck() {
    WsClient client = subscriber(2);
    Publish publish = publisher(0);
    awaitBusSpread(publish, List.of(client));
    interceptor =
        ctx -> {
          if (!Addresses.EVENTS.equals(ctx.message().address())) {
            ctx.next();
          }
        };
    nodes.node(2).vertx().eventBus().addInboundInterceptor(interceptor);
    JsonObject lost = Publish.error("svc", "high");
    publish.ok(lost);
    assertEquals(lost.getString("id"), client.next().getString("id"));
    publish.close();
  }

  /**
   * The bus is fire-and-forget until a new consumer has spread through the cluster; an event lost
   * meanwhile still arrives, from the log. After this, each client has seen one warm-up.
   */
  private static void awaitBusSpread(Publish publish, List<WsClient> clients) {
    JsonObject warmUp = Publish.error("warm-up", "low");
    publish.ok(warmUp);
    for (WsClient client : clients) {
      assertEquals(warmUp.getString("id"), client.next().getString("id"));
    }
  }

  private static void publishMany(Publish publish, int count) {
    for (int i = 0; i < count; i++) {
      publish.ok(Publish.error("svc", "low"));
    }
  }

  private static void assertContiguous(List<JsonObject> events) {
    Set<String> ids = new HashSet<>();
    long previous = -1;
    for (JsonObject event : events) {
      long sequence = Long.parseLong(event.getString("sequence"));
      if (previous >= 0) {
        assertEquals(previous + 1, sequence, "gap or reorder after " + previous);
      }
      assertTrue(ids.add(event.getString("id")), "duplicate " + event.getString("id"));
      previous = sequence;
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
