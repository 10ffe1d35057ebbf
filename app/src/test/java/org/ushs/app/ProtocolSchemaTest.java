package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Keeps docs/asyncapi.yaml true: real messages of a real node conform to its schemas. */
@Tag("integration")
class ProtocolSchemaTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static Publish publish;
  private static ProtocolSchemas schemas;
  private static WsClient client;

  @BeforeAll
  static void start() throws IOException {
    schemas = new ProtocolSchemas();
    nodes = TestNodes.start(1, Map.of());
    vertx = Vertx.vertx();
    publish = new Publish(vertx, nodes.node(0).ingestPort(), TestNodes.publisherToken(vertx));
    client =
        WsClient.connect(
            vertx,
            nodes.node(0).gatewayPort(),
            "/ushs/v1/ws?subscribe=*",
            TestNodes.subscriberToken(vertx));
  }

  @AfterAll
  static void stop() {
    client.close();
    publish.close();
    vertx.close();
    nodes.close();
  }

  private static void assertConforms(String schema, JsonObject message) {
    OutputUnit result = schemas.validate(schema, message);
    assertTrue(result.getValid(), schema + ": " + result.getErrors() + " in " + message.encode());
  }

  @Test
  void everyEventFamilyConforms() {
    List<Map.Entry<String, JsonObject>> events =
        List.of(
            Map.entry("errorEvent", Publish.error("svc", "high")),
            Map.entry(
                "sessionEvent",
                event(
                    "org.ushs.session.phaseCompleted",
                    new JsonObject()
                        .put("sessionId", "abc123")
                        .put("phase", "analysis")
                        .put("status", "completed")
                        .put("duration", 1234)
                        .put("nextPhase", "generation"))),
            Map.entry(
                "patchEvent",
                event(
                    "org.ushs.patch.generated",
                    new JsonObject()
                        .put("patchId", "xyz789")
                        .put("sessionId", "abc123")
                        .put("confidence", 0.95)
                        .put("changeCount", 3)
                        .put("estimatedImpact", "low"))),
            Map.entry(
                "deploymentEvent",
                event(
                    "org.ushs.deployment.progress",
                    new JsonObject()
                        .put("deploymentId", "dep456")
                        .put("patchId", "xyz789")
                        .put("strategy", "canary")
                        .put("progress", 25)
                        .put("currentPhase", "canary-10%")
                        .put(
                            "metrics",
                            new JsonObject().put("errorRate", 0.01).put("latency", 45)))),
            Map.entry(
                "healthEvent",
                event("org.ushs.health.degraded", new JsonObject().put("service", "db"))));
    for (Map.Entry<String, JsonObject> entry : events) {
      publish.ok(entry.getValue());
      assertConforms(entry.getKey(), client.next());
    }
  }

  @Test
  void repliesConform() {
    JsonArray types = new JsonArray(List.of("error"));
    assertConforms(
        "subscriptionAck",
        client.request(command("subscribe").put("eventTypes", types), "subscribed"));
    assertConforms(
        "subscriptionAck",
        client.request(command("unsubscribe").put("eventTypes", types), "unsubscribed"));
    assertConforms("pong", client.request(command("ping"), "pong"));
    String token = TestNodes.subscriberToken(vertx);
    assertConforms(
        "refreshed", client.request(command("refresh").put("token", token), "refreshed"));
    assertConforms("error", client.request(command("dance"), "error"));
    assertConforms(
        "error",
        client.request(
            command("subscribe").put("eventTypes", new JsonArray(List.of("gossip"))), "error"));
    WsClient resumed =
        WsClient.connect(
            vertx,
            nodes.node(0).gatewayPort(),
            "/ushs/v1/ws",
            TestNodes.subscriberToken(vertx),
            "unknown-id");
    assertConforms("replay", resumed.next());
    resumed.close();
  }

  @Test
  void theSchemasRefuseWhatTheProtocolDoesNotSay() {
    assertFalse(
        schemas
            .validate("replay", new JsonObject().put("type", "replay").put("recovered", true))
            .getValid());
    assertFalse(
        schemas.validate("errorEvent", Publish.error("svc", "high")).getValid(), "no sequence");
    assertFalse(
        schemas
            .validate(
                "error",
                new JsonObject().put("type", "error").put("code", 4999).put("message", "x"))
            .getValid());
  }

  private static JsonObject command(String name) {
    return new JsonObject().put("command", name);
  }

  private static JsonObject event(String type, JsonObject data) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", "schema-" + System.nanoTime())
        .put("source", "/healing/test")
        .put("type", type)
        .put("data", data);
  }
}
