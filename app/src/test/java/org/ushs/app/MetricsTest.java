package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ushs.app.ReplayTest.assertReplay;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} on the ingest port: Prometheus text with Vert.x's series and USHS's. */
@Tag("integration")
class MetricsTest {

  @RegisterExtension static final NodesExtension nodes = NodesExtension.start(1);

  @Test
  void theSeriesOfTheNodeCountWhatHappened() throws InterruptedException {
    int port = nodes.node(0).ingestPort();
    Publish publish = new Publish(nodes.vertx(), port, nodes.publisherToken());
    WsClient live =
        WsClient.connect(
            nodes.vertx(),
            nodes.node(0).gatewayPort(),
            "/ushs/v1/ws?subscribe=*",
            nodes.subscriberToken());
    JsonObject first = Publish.error("svc", "high");
    long firstSequence = publish.ok(first);
    publish.ok(first); // a retry: acknowledged again, not ingested again
    long last = publish.ok(Publish.error("svc", "low"));
    assertEquals(400, publish.structured(new JsonObject().put("id", "x")).statusCode());
    live.next(2);
    WsClient lost =
        WsClient.connect(
            nodes.vertx(),
            nodes.node(0).gatewayPort(),
            "/ushs/v1/ws?subscribe=*",
            nodes.subscriberToken(),
            "no-such-id");
    assertReplay(lost.next(), false, 0);

    HttpResponse<Buffer> response = scrape(port);
    assertTrue(response.getHeader("Content-Type").startsWith("text/plain; version=0.0.4"));
    PromText metrics = PromText.parse(response.bodyAsString());
    Map<String, String> ours = Map.of("node", nodes.member(0));
    assertEquals(2, metrics.value("ushs_events_ingested_total", ours));
    assertEquals(3, metrics.value("ushs_events_acked_total", ours));
    assertEquals(2, metrics.value("ushs_events_delivered_total", ours));
    assertEquals(1, metrics.value("ushs_publish_rejected_total", Map.of("status", "400")));
    assertEquals(2, metrics.value("ushs_connections", ours));
    assertEquals(1, metrics.value("ushs_replay_requests_total", ours));
    assertEquals(1, metrics.value("ushs_replay_unrecovered_total", ours));
    assertEquals(0, metrics.value("ushs_gap_filled_total", ours));
    assertEquals(
        0, metrics.value("ushs_connections_closed_total", Map.of("reason", "slow_consumer")));
    assertEquals(0, metrics.value("ushs_connections_closed_total", Map.of("code", "4003")));
    assertTrue(metrics.value("ushs_outbound_queue_bytes", ours) >= 0);
    assertEquals(1, metrics.value("ushs_cluster_members", ours));
    assertEquals(0, metrics.value("ushs_cluster_lite_members", ours));
    assertTrue(metrics.has("vertx_http_server_active_connections"), "Vert.x HTTP series");
    assertFalse(metrics.has("vertx_eventbus_handlers"), "the bus's per-message meters are off");
    assertTrue(metrics.has("jvm_memory_used_bytes"), "JVM series");

    awaitLogPositions(port, firstSequence, last);
    lost.close();
    live.close();
    publish.close();
  }

  /** The log gauges are refreshed every few seconds, off the event loop. */
  private void awaitLogPositions(int port, long head, long tail) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 3 * ClusterGauges.REFRESH_MS + 5000;
    PromText metrics;
    do {
      Thread.sleep(200);
      metrics = PromText.parse(scrape(port).bodyAsString());
    } while ((long) metrics.value("ushs_log_tail_sequence") != tail
        && System.currentTimeMillis() < deadline);
    assertEquals(tail, (long) metrics.value("ushs_log_tail_sequence"));
    assertEquals(head, (long) metrics.value("ushs_log_head_sequence"));
  }

  private static HttpResponse<Buffer> scrape(int port) {
    WebClient web = WebClient.create(nodes.vertx());
    try {
      HttpResponse<Buffer> response =
          TestNodes.await(web.get(port, "127.0.0.1", "/metrics").send());
      assertEquals(200, response.statusCode());
      return response;
    } finally {
      web.close();
    }
  }
}
