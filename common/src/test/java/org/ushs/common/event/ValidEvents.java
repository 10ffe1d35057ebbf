package org.ushs.common.event;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Valid events of every rule set, and table helpers that change one field of one. */
final class ValidEvents {

  /** Written in a table cell: remove the field instead of setting it. */
  static final String ABSENT = "<absent>";

  private static final Map<String, String> DATA =
      Map.ofEntries(
          Map.entry(
              "org.ushs.error.detected",
              "{'errorId':'e-1','severity':'high','service':'api','summary':'boom'}"),
          Map.entry("org.ushs.error.resolved", "{'errorId':'e-1'}"),
          Map.entry("org.ushs.session.started", "{'sessionId':'s-1'}"),
          Map.entry(
              "org.ushs.session.phaseCompleted",
              "{'sessionId':'s-1','phase':'analysis','status':'ok','duration':1200,"
                  + "'nextPhase':'fix'}"),
          Map.entry("org.ushs.patch.applied", "{'patchId':'p-1','sessionId':'s-1'}"),
          Map.entry(
              "org.ushs.patch.generated",
              "{'patchId':'p-1','sessionId':'s-1','confidence':0.87,'changeCount':3,"
                  + "'estimatedImpact':'low'}"),
          Map.entry("org.ushs.deployment.started", "{'deploymentId':'d-1','patchId':'p-1'}"),
          Map.entry(
              "org.ushs.deployment.progress",
              "{'deploymentId':'d-1','patchId':'p-1','strategy':'canary','progress':40,"
                  + "'currentPhase':'rollout','metrics':{'errorRate':0.01}}"),
          Map.entry("org.ushs.health.node.up", "{'node':'n1'}"));

  private ValidEvents() {}

  static List<String> types() {
    return DATA.keySet().stream().sorted().toList();
  }

  /** A valid event of {@code type}, with data. */
  static JsonObject of(String type) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", "id-1")
        .put("source", "/healing/agent")
        .put("type", type)
        .put("data", new JsonObject(DATA.get(type).replace('\'', '"')));
  }

  /**
   * {@code event} with {@code path} ({@code name} or {@code data.name}) set to the JSON {@code
   * value}, or removed when it is {@link #ABSENT}.
   */
  static JsonObject with(JsonObject event, String path, String value) {
    JsonObject target = event;
    String name = path;
    if (path.startsWith("data.")) {
      target = event.getJsonObject("data");
      name = path.substring("data.".length());
    }
    if (ABSENT.equals(value)) {
      target.remove(name);
    } else {
      target.put(name, Json.decodeValue(value));
    }
    return event;
  }

  /** The fields of {@code problems}, in order. */
  static List<String> fields(List<Problem> problems) {
    return problems.stream().map(Problem::field).toList();
  }

  /** A table cell such as {@code data.a,data.b} as a list; empty for {@code -}. */
  static List<String> list(String cell) {
    return cell.equals("-") ? List.of() : Arrays.asList(cell.split(","));
  }
}
