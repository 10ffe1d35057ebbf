package org.ushs.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link EventEnricher}: time when missing, filter keys copied from data (CONTRACT.md 3). */
class EventEnricherTest {

  private static final Instant NOW = Instant.parse("2024-01-15T23:30:00.123Z");

  @ParameterizedTest(name = "time {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          <absent>                   | 2024-01-15T23:30:00.123Z
          null                       | 2024-01-15T23:30:00.123Z
          "2020-02-02T02:02:02+02:00" | 2020-02-02T02:02:02+02:00
          """)
  void timeIsSetOnlyWhenTheEventHasNone(String time, String expected) {
    JsonObject event = ValidEvents.with(ValidEvents.of("org.ushs.health.node.up"), "time", time);
    PendingEvent pending = EventEnricher.enrich(event, NOW);
    assertEquals(expected, event.getString("time"));
    assertEquals(expected, new JsonObject(pending.body()).getString("time"));
  }

  /**
   * Columns: the attributes service/severity/sessionid and the data fields service/severity/
   * sessionId as sent ({@code -} when absent), then the expected keys service/severity/sessionId.
   */
  @ParameterizedTest(name = "attributes {0}, data {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -,-,-          | api,high,s-1   | api,high,s-1
          -,-,-          | -,-,-          | -,-,-
          web,low,s-0    | -,-,-          | web,low,s-0
          web,low,s-0    | api,high,s-1   | api,high,s-1
          web,-,-        | -,critical,-   | web,critical,-
          -,-,s-0        | api,-,-        | api,-,s-0
          """)
  void filterKeysAreCopiedFromDataAndExtensionsKept(
      String attributes, String data, String expected) {
    JsonObject event = ValidEvents.of("org.ushs.health.node.up");
    String[] a = cells(attributes);
    String[] d = cells(data);
    putIf(event, "service", a[0]);
    putIf(event, "severity", a[1]);
    putIf(event, "sessionid", a[2]);
    putIf(event.getJsonObject("data"), "service", d[0]);
    putIf(event.getJsonObject("data"), "severity", d[1]);
    putIf(event.getJsonObject("data"), "sessionId", d[2]);
    String[] e = cells(expected);

    PendingEvent pending = EventEnricher.enrich(event, NOW);

    EventKeys keys = pending.keys();
    assertEquals(
        new EventKeys(
            "id-1", "/healing/agent", "org.ushs.health.node.up", Category.HEALTH, e[0], e[1], e[2]),
        keys);
    JsonObject sent = new JsonObject(pending.body());
    assertEquals(e[0], sent.getString("service"));
    assertEquals(e[1], sent.getString("severity"));
    assertEquals(e[2], sent.getString("sessionid"));
    assertEquals(event, sent);
  }

  @Test
  void nonStringDataValuesAndNonObjectDataAreNotCopied() {
    JsonObject numbers = ValidEvents.of("org.ushs.error.resolved").put("service", "web");
    numbers.getJsonObject("data").put("service", 12);
    assertEquals("web", EventEnricher.enrich(numbers, NOW).keys().service());

    JsonObject text = ValidEvents.of("org.ushs.health.node.up").put("data", "service");
    EventKeys keys = EventEnricher.enrich(text, NOW).keys();
    assertNull(keys.service());
    assertNull(keys.severity());
    assertNull(keys.sessionId());
  }

  @Test
  void dataIsKeptAsSent() {
    JsonObject event =
        ValidEvents.of("org.ushs.deployment.progress").put("time", "2024-01-01T00:00:00Z");
    JsonObject expected = event.copy();
    JsonObject sent = new JsonObject(EventEnricher.enrich(event, NOW).body());
    assertEquals(expected.getJsonObject("data"), sent.getJsonObject("data"));
    assertEquals(expected.put("time", "2024-01-01T00:00:00Z"), sent);
  }

  private static String[] cells(String cell) {
    return Arrays.stream(cell.split(",")).map(c -> c.equals("-") ? null : c).toArray(String[]::new);
  }

  private static void putIf(JsonObject object, String name, String value) {
    if (value != null) {
      object.put(name, value);
    }
  }
}
