package org.ushs.common.event;

import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads published events from their bytes, keeping each attribute's bytes as sent (see {@link
 * RawEvent}). Every reader refuses, with a {@link BadJson} naming where: invalid UTF-8, invalid
 * JSON, duplicate keys at any depth, and input of the wrong shape. Thread-safe.
 */
public final class RawEvents {

  private RawEvents() {}

  /** One event: a JSON object. */
  public static RawEvent event(byte[] json) {
    try (JsonScanner scanner = new JsonScanner(json)) {
      if (scanner.next() != JsonToken.START_OBJECT) {
        throw new BadJson("body", "must be a JSON object");
      }
      RawEvent event = scanner.event("");
      scanner.end();
      return event;
    }
  }

  /** A batch: a non-empty JSON array of event objects. */
  public static List<RawEvent> batch(byte[] json) {
    try (JsonScanner scanner = new JsonScanner(json)) {
      if (scanner.next() != JsonToken.START_ARRAY) {
        throw new BadJson("body", "a batch must be a JSON array");
      }
      List<RawEvent> events = new ArrayList<>();
      for (JsonToken token = scanner.next(); token != JsonToken.END_ARRAY; token = scanner.next()) {
        String path = "[" + events.size() + "]";
        if (token != JsonToken.START_OBJECT) {
          throw new BadJson(path, "must be a JSON object");
        }
        events.add(scanner.event(path));
      }
      scanner.end();
      if (events.isEmpty()) {
        throw new BadJson("body", "a batch must hold at least one event");
      }
      return events;
    }
  }

  /** An event object, or a batch when the first character is '['. */
  public static List<RawEvent> eventOrBatch(byte[] json) {
    for (byte b : json) {
      if (b == '[') {
        return batch(json);
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        break;
      }
    }
    return List.of(event(json));
  }

  /**
   * A binary-mode event: {@code attributes} (already strings) and, unless {@code body} is empty,
   * {@code data}: the body as sent, which must be one JSON value.
   */
  public static RawEvent binary(Map<String, String> attributes, byte[] body) {
    JsonObject view = new JsonObject();
    List<RawMember> members = new ArrayList<>();
    attributes.forEach(
        (name, value) -> {
          view.put(name, value);
          byte[] encoded = quoted(value);
          members.add(new RawMember(name, encoded, 0, encoded.length));
        });
    if (body.length > 0) {
      try (JsonScanner scanner = new JsonScanner(body)) {
        if (scanner.next() == null) {
          throw new BadJson("body", "not valid JSON: no value");
        }
        int start = scanner.tokenStart();
        view.put("data", scanner.value("data"));
        scanner.end();
        members.add(new RawMember("data", body, start, JsonScanner.trimEnd(body, start)));
      }
    }
    return new RawEvent(view, members);
  }

  private static byte[] quoted(String value) {
    return io.vertx.core.json.Json.encode(value).getBytes(StandardCharsets.UTF_8);
  }
}
