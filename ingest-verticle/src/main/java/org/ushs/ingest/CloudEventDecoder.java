package org.ushs.ingest;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ushs.common.event.BadJson;
import org.ushs.common.event.RawEvent;
import org.ushs.common.event.RawEvents;

/**
 * Reads CloudEvents from an HTTP request in the three modes of the HTTP binding: structured ({@code
 * application/cloudevents+json}, also plain {@code application/json}), batch ({@code
 * application/cloudevents-batch+json}) and binary ({@code ce-*} headers, JSON body). Each event
 * keeps its attributes' bytes as sent ({@link RawEvent}); unreadable input (invalid UTF-8 or JSON,
 * duplicate keys, the wrong shape) is an {@link InvalidEvents} naming where.
 */
final class CloudEventDecoder {

  private static final String CE_PREFIX = "ce-";

  private CloudEventDecoder() {}

  /** The events of the request, not yet validated; throws {@link InvalidEvents} if unreadable. */
  static List<RawEvent> decode(MultiMap headers, Buffer body) {
    String contentType = mediaType(headers.get("Content-Type"));
    try {
      if (contentType.equals("application/cloudevents-batch+json")) {
        return RawEvents.batch(body.getBytes());
      }
      if (headers.contains("ce-specversion")) {
        return List.of(RawEvents.binary(attributes(headers, contentType), body.getBytes()));
      }
      if (contentType.equals("application/cloudevents+json")
          || contentType.equals("application/json")) {
        return List.of(RawEvents.event(body.getBytes()));
      }
    } catch (BadJson e) {
      throw new InvalidEvents(List.of(e.problem()));
    }
    throw new InvalidEvents(
        "Content-Type",
        "must be application/cloudevents+json, application/cloudevents-batch+json,"
            + " or binary mode with ce-* headers");
  }

  /**
   * Decodes an event-bus ingest message: one event as an object, or a batch as an array. A {@code
   * JsonObject} or {@code JsonArray} body has been decoded (and, across nodes, re-encoded) by
   * Vert.x before it gets here, so its numbers are Vert.x's; a {@code Buffer} or {@code String}
   * body keeps its bytes as sent.
   */
  static List<RawEvent> decode(Object body) {
    try {
      if (body instanceof JsonObject object) {
        return List.of(RawEvents.event(object.toBuffer().getBytes()));
      }
      if (body instanceof JsonArray array) {
        return RawEvents.batch(array.toBuffer().getBytes());
      }
      if (body instanceof Buffer buffer) {
        return RawEvents.eventOrBatch(buffer.getBytes());
      }
      if (body instanceof String text) {
        return RawEvents.eventOrBatch(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (BadJson e) {
      throw new InvalidEvents(List.of(e.problem()));
    }
    throw new InvalidEvents("body", "must be a CloudEvent JSON object or an array of them");
  }

  private static Map<String, String> attributes(MultiMap headers, String contentType) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(CE_PREFIX)
          && attributes.put(name.substring(CE_PREFIX.length()), header.getValue()) != null) {
        throw new InvalidEvents(name, "header sent more than once");
      }
    }
    if (!contentType.isEmpty()) {
      attributes.put("datacontenttype", contentType);
    }
    return attributes;
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }
}
