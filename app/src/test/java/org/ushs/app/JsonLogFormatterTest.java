package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One JSON object per line, parameters filled in, even for messages that would break a line. */
@Tag("unit")
class JsonLogFormatterTest {

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(
            "member left: {0}; {1} node(s)",
            "10.0.0.2:5701", "2", "member left: 10.0.0.2:5701; 2 node(s)"),
        Arguments.of("plain message", "a", "b", "plain message"),
        Arguments.of("quote \" and {0}", "line\nbreak", "x", "quote \" and line\nbreak"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void aRecordIsOneJsonLine(String pattern, String first, String second, String message) {
    LogRecord record = new LogRecord(Level.WARNING, pattern);
    record.setLoggerName("org.ushs.app.ClusterEvents");
    record.setParameters(new Object[] {first, second});
    record.setInstant(Instant.parse("2026-01-02T03:04:05.678Z"));

    String line = new JsonLogFormatter().format(record);

    assertTrue(line.endsWith("\n"));
    assertEquals(1, line.split("\n", -1).length - 1, line);
    JsonObject json = new JsonObject(line);
    assertEquals("2026-01-02T03:04:05.678Z", json.getString("time"));
    assertEquals("WARNING", json.getString("level"));
    assertEquals("org.ushs.app.ClusterEvents", json.getString("logger"));
    assertEquals(message, json.getString("message"));
    assertFalse(json.containsKey("error"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"boom", "multi\nline"})
  void aThrowableBecomesTheErrorField(String text) {
    LogRecord record = new LogRecord(Level.SEVERE, "failed");
    record.setThrown(new IllegalStateException(text));

    JsonObject json = new JsonObject(new JsonLogFormatter().format(record));

    assertTrue(json.getString("error").startsWith("java.lang.IllegalStateException: " + text));
    assertTrue(json.getString("error").contains("at org.ushs.app.JsonLogFormatterTest"));
  }
}
