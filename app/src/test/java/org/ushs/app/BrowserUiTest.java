package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The live page ({@code /ushs/ui}) and {@code ushs-client.js} in headless Chromium against a real
 * cluster of two nodes with {@code USHS_UI=true}: the page loaded from node A shows a live event;
 * node A is closed, three events are published on node B while the page is cut off, and a new node
 * takes A's gateway port (the server restarted, the cluster kept the log): the page reconnects by
 * itself with {@code lastEventId} and shows the missed events, {@code recovered:true count:3}, and
 * the deployment's progress.
 */
@Tag("browser")
class BrowserUiTest {

  private static final Map<String, String> UI = Map.of("USHS_UI", "true");

  private TestNodes nodes;
  private Vertx vertx;

  @BeforeEach
  void start() {
    nodes = TestNodes.start(2, UI);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    TestNodes.await(vertx.close());
    nodes.close();
  }

  @Test
  void thePageShowsLiveEventsAndReplaysWhatItMissedAcrossAServerRestart() throws Exception {
    int gatewayPort = nodes.node(0).gatewayPort();
    String page = "http://127.0.0.1:" + gatewayPort + "/ushs/ui";
    Publish onA = new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
    Publish onB = new Publish(vertx, nodes.node(1).ingestPort(), TestNodes.publisherToken(vertx));
    try (BrowserScript browser = BrowserScript.start(page, TestNodes.subscriberToken(vertx))) {
      browser.expect("CONNECTED");
      JsonObject live = Publish.error("api-gateway", "high");
      onA.ok(live);
      browser.send("SEE " + id(live));
      assertEquals("SEEN " + id(live), browser.expect("SEEN"));

      TestNodes.await(nodes.node(0).close());
      browser.send("DOWN");
      browser.expect("DISCONNECTED");
      List<JsonObject> missed =
          List.of(Publish.error("billing", "critical"), progress(60), Publish.session("s-1"));
      missed.forEach(onB::ok);
      nodes.join(Map.of("USHS_UI", "true", "USHS_GATEWAY_PORT", Integer.toString(gatewayPort)));

      browser.send("RESUME " + String.join(",", missed.stream().map(BrowserUiTest::id).toList()));
      String newestFirst =
          String.join(",", id(missed.get(2)), id(missed.get(1)), id(missed.get(0)), id(live));
      assertEquals(
          "RESUMED recovered=true count=3 progress=60 rows=" + newestFirst,
          browser.expect("RESUMED"));
    } finally {
      onA.close();
      onB.close();
    }
  }

  private static JsonObject progress(int percent) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", "dep-progress-" + percent)
        .put("source", "/healing/deployer")
        .put("type", "org.ushs.deployment.progress")
        .put(
            "data",
            new JsonObject()
                .put("deploymentId", "dep-1")
                .put("patchId", "patch-1")
                .put("strategy", "canary")
                .put("metrics", new JsonObject().put("errorRate", 0.01))
                .put("progress", percent)
                .put("currentPhase", "canary"));
  }

  private static String id(JsonObject event) {
    return event.getString("id");
  }
}
