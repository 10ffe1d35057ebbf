package org.ushs.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RawEvents} and {@link EventEnricher}: the data and uninterpreted attributes reach the
 * delivered JSON as the exact bytes published; unreadable input is refused naming where.
 */
class RawEventsTest {

  private static final Instant NOW = Instant.parse("2024-01-15T23:30:00.123Z");

  /** Values whose re-encoding by a JSON library would change their bytes. */
  static final List<String> AS_SENT =
      List.of(
          "1e400",
          "12345678901234567890.123456789",
          "1796398645248.123",
          "-0",
          "1e2",
          "\"\\u00e9\"",
          "\"\\ud83d\\ude00\"",
          "\"é 😀\"",
          "[1.0, 2E-3 ,{\"a\" :  -0.0}]");

  private static String head(String type) {
    return "{\"specversion\":\"1.0\",\"id\":\"i-1\",\"source\":\"/s\",\"type\":\"" + type + "\"";
  }

  private static String delivered(byte[] published) {
    RawEvent event = RawEvents.event(published);
    assertEquals(List.of(), EventValidator.validate(event.view()));
    return EventEnricher.enrich(event, NOW).at(5).json().toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "data field {0}")
  @org.junit.jupiter.params.provider.MethodSource("asSent")
  void dataValuesArriveAsPublished(String value) {
    String data = "{\"node\" : " + value + ",\"n\":1e2}";
    String published = head("org.ushs.health.node.up") + ",\"data\":" + data + "}";
    String expected =
        "{\"sequence\":\"5\","
            + published.substring(1, published.length() - 1)
            + ",\"time\":\"2024-01-15T23:30:00.123Z\"}";
    assertEquals(expected, delivered(published.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "extension {0}")
  @org.junit.jupiter.params.provider.MethodSource("asSent")
  void extensionAttributesAndWholeDataArriveAsPublished(String value) {
    String published =
        head("org.ushs.health.node.up")
            + ",\"time\":\"2020-01-01T00:00:00Z\",\"myext\":\t"
            + value
            + " ,\"data\":{\"v\":"
            + value
            + "}\n}";
    String delivered = delivered(published.getBytes(StandardCharsets.UTF_8));
    String sent = ",\"myext\":" + value + ",\"data\":{\"v\":" + value + "}}";
    assertTrue(delivered.endsWith(sent), delivered);
  }

  @ParameterizedTest(name = "binary body {0}")
  @org.junit.jupiter.params.provider.MethodSource("asSent")
  void binaryModeDataIsTheBodyAsSent(String value) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("specversion", "1.0");
    attributes.put("id", "i-1");
    attributes.put("source", "/s");
    attributes.put("type", "org.ushs.health.node.up");
    RawEvent event =
        RawEvents.binary(attributes, (" " + value + "\n").getBytes(StandardCharsets.UTF_8));
    String json = EventEnricher.enrich(event, NOW).body().toString(StandardCharsets.UTF_8);
    assertTrue(json.contains(",\"data\":" + value + ","), json);
  }

  static List<String> asSent() {
    return AS_SENT;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"c0af", "eda080", "f4908080", "e282", "ff", "80", "c3"})
  void invalidUtf8IsRefusedWithItsOffset(String hex) {
    byte[] head = "{\"id\":\"i\",\"data\":{\"summary\":\"ab".getBytes(StandardCharsets.UTF_8);
    byte[] bad = HexFormat.of().parseHex(hex);
    byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] json = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, json, 0, head.length);
    System.arraycopy(bad, 0, json, head.length, bad.length);
    System.arraycopy(tail, 0, json, head.length + bad.length, tail.length);
    BadJson e = assertThrows(BadJson.class, () -> RawEvents.event(json));
    assertEquals(new Problem("body", "invalid UTF-8 at byte " + head.length), e.problem());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"c3a9", "e282ac", "f09f9880", "7f", "efbfbf", "f48fbfbf"})
  void wellFormedUtf8IsTaken(String hex) {
    String text = new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    byte[] json = ("{\"x\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(text, RawEvents.event(json).view().getString("x"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"id":"a","id":"b"}                          | id
          {"data":{"a":1,"b":{"c":1,"c":2}}}           | data.b.c
          {"data":{"list":[{"k":1},{"k":1,"k":2}]}}    | data.list[1].k
          {"data":{"a":1,"a":1}}                       | data.a
          """)
  void duplicateKeysAreRefusedWithTheirPath(String json, String path) {
    BadJson e =
        assertThrows(BadJson.class, () -> RawEvents.event(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals(new Problem(path, "duplicate key"), e.problem());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [{"id":"a"},{"x":{"y":1,"y":1}}]   | [1].x.y
          [{"id":"a"},3]                     | [1]
          """)
  void batchProblemsNameTheElement(String json, String path) {
    BadJson e =
        assertThrows(BadJson.class, () -> RawEvents.batch(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals(path, e.problem().field());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "{", "{\"a\":1} {}", "{\"a\":1}x", "[1]", "{\"a\":01}"})
  void unreadableEventsAreRefused(String json) {
    BadJson e =
        assertThrows(BadJson.class, () -> RawEvents.event(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals("body", e.problem().field());
  }

  @ParameterizedTest(name = "batch element {0}")
  @ValueSource(strings = {"[{\"a\" : 1e400 }, {\"b\":-0}]"})
  void batchElementsKeepTheirBytes(String json) {
    List<RawEvent> events = RawEvents.batch(json.getBytes(StandardCharsets.UTF_8));
    Map<String, String> none = Map.of();
    assertEquals("{\"a\":1e400}", events.get(0).encode(none).toString(StandardCharsets.UTF_8));
    assertEquals("{\"b\":-0}", events.get(1).encode(none).toString(StandardCharsets.UTF_8));
  }
}
