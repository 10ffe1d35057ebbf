package org.ushs.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PendingEvent#at(long)}: the sequence spliced into the encoded JSON, as a string. */
class PendingEventTest {

  private static final EventKeys KEYS =
      new EventKeys("id-1", "/src", "org.ushs.error.detected", Category.ERROR, "api", "high", null);

  static Stream<Arguments> bodies() {
    JsonObject full =
        ValidEvents.of("org.ushs.error.detected")
            .put("service", "api")
            .put("note", "ünïcödé 日本 \"quoted\" {braces}");
    return Stream.of(
        Arguments.of("{}", 0L, "{\"sequence\":\"0\"}"),
        Arguments.of("{}", 42L, "{\"sequence\":\"42\"}"),
        Arguments.of("{\"a\":1}", 7L, "{\"sequence\":\"7\",\"a\":1}"),
        Arguments.of("{\"a\":{\"b\":[]}}", 9L, "{\"sequence\":\"9\",\"a\":{\"b\":[]}}"),
        Arguments.of(
            full.encode(),
            Long.MAX_VALUE,
            "{\"sequence\":\"9223372036854775807\"," + full.encode().substring(1)));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("bodies")
  void sequenceIsSplicedInFirstAsAString(String body, long sequence, String expected) {
    PendingEvent pending = new PendingEvent(KEYS, Buffer.buffer(body));

    SequencedEvent event = pending.at(sequence);

    assertEquals(sequence, event.sequence());
    assertSame(KEYS, event.keys());
    assertEquals(expected, event.json().toString());
    JsonObject parsed = new JsonObject(event.json());
    assertEquals(new JsonObject(body).put("sequence", Long.toString(sequence)), parsed);
    assertEquals("sequence", parsed.fieldNames().iterator().next());
    assertEquals(String.valueOf(sequence), parsed.getValue("sequence"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void bodyIsLeftUnchangedForTheNextSequence(String body) {
    PendingEvent pending = new PendingEvent(KEYS, Buffer.buffer(body));
    pending.at(1);
    assertEquals(body, pending.body().toString());
    assertEquals(
        List.of("{\"sequence\":\"2\"", "{\"sequence\":\"3\""),
        Stream.of(pending.at(2), pending.at(3))
            .map(e -> e.json().toString().split("[,}]", 2)[0])
            .toList());
  }
}
