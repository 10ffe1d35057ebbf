package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code ushs} CLI as a process against a real node: a token it mints is accepted; tail resumes
 * after a marker and prints what publish sent; exit codes on refusals.
 */
@Tag("process")
class CliTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static String ws;
  private static String http;

  @BeforeAll
  static void start() {
    nodes = TestNodes.start(1, Map.of());
    vertx = Vertx.vertx();
    ws = "ws://127.0.0.1:" + nodes.node(0).gatewayPort() + "/ushs/v1/ws";
    http = "http://127.0.0.1:" + nodes.node(0).ingestPort();
  }

  @AfterAll
  static void stop() {
    vertx.close();
    nodes.close();
  }

  private static String mint(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("token", "--secret", TestNodes.SECRET));
    args.addAll(List.of(extra));
    CliProcess token = CliProcess.run(null, args.toArray(String[]::new));
    assertEquals(0, token.exitCode(), token.err());
    return token.out().trim();
  }

  private static String event(String service, int n) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", "cli-" + service + "-" + n)
        .put("source", "/cli-test")
        .put("type", "org.ushs.error.detected")
        .put(
            "data",
            new JsonObject()
                .put("errorId", "e" + n)
                .put("severity", "low")
                .put("service", service)
                .put("summary", "from stdin"))
        .encode();
  }

  @Test
  void tailPrintsWhatPublishSentAfterTheMarker() throws Exception {
    String publisher = mint("--publish", "--sub", "cli-publisher");
    String subscriber = mint("--event-types", "error", "--ttl", "10m");
    CliProcess marker =
        CliProcess.run(
            null,
            "publish",
            "--url",
            http,
            "--token",
            publisher,
            "--type",
            "org.ushs.error.detected",
            "--id",
            "cli-marker",
            "--data",
            "{\"errorId\":\"m\",\"severity\":\"low\",\"service\":\"cli\",\"summary\":\"marker\"}");
    assertEquals(0, marker.exitCode(), marker.err());
    JsonObject ack = new JsonObject(marker.out().trim());
    assertEquals("cli-marker", ack.getString("id"));

    CliProcess tail =
        CliProcess.start(
            null,
            "tail",
            "--url",
            ws,
            "--token",
            subscriber,
            "-t",
            "error",
            "--service",
            "cli",
            "--since",
            "cli-marker",
            "--count",
            "3");
    String lines =
        event("cli", 1)
            + "\n"
            + event("other", 2)
            + "\n"
            + event("cli", 3)
            + "\n\n"
            + event("cli", 4)
            + "\n";
    CliProcess publish =
        CliProcess.run(lines, "publish", "--url", http, "--token", publisher, "--stdin");
    assertEquals(0, publish.exitCode(), publish.err());
    assertEquals(4, publish.outLines().size(), publish.out());

    assertEquals(0, tail.exitCode(), tail.err());
    List<String> ids =
        tail.outLines().stream().map(line -> new JsonObject(line).getString("id")).toList();
    assertEquals(List.of("cli-cli-1", "cli-cli-3", "cli-cli-4"), ids);
  }

  @Test
  void tailExitsTwoOnABadToken() throws Exception {
    CliProcess tail = CliProcess.run(null, "tail", "--url", ws, "--token", "not.a.jwt");
    assertEquals(2, tail.exitCode());
    assertTrue(tail.err().contains("credentials refused: 4002"), tail.err());
  }

  @Test
  void publishExitsFourWithTheProblemOnAnInvalidEvent() throws Exception {
    CliProcess publish =
        CliProcess.run(
            null,
            "publish",
            "--url",
            http,
            "--token",
            mint("--publish"),
            "--type",
            "org.ushs.error.detected",
            "--data",
            "{\"severity\":\"dire\"}");
    assertEquals(4, publish.exitCode(), publish.err());
    assertTrue(publish.err().contains("400"), publish.err());
    assertTrue(publish.err().contains("data.severity"), publish.err());
  }

  @Test
  void publishExitsTwoWithoutThePublishPermission() throws Exception {
    CliProcess publish =
        CliProcess.run(
            null, "publish", "--url", http, "--token", mint(), "--type", "org.ushs.health.ping");
    assertEquals(2, publish.exitCode(), publish.err());
    assertTrue(publish.err().contains("403"), publish.err());
  }
}
