package org.ushs.ingest;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CloudEvents from an HTTP request in the three modes of the HTTP binding: structured ({@code
 * application/cloudevents+json}, also plain {@code application/json}), batch ({@code
 * application/cloudevents-batch+json}) and binary ({@code ce-*} headers, JSON body).
 */
final class CloudEventDecoder {

  private static final String CE_PREFIX = "ce-";

  private CloudEventDecoder() {}

  /** The events of the request, not yet validated; throws {@link InvalidEvents} if unreadable. */
  static List<JsonObject> decode(MultiMap headers, Buffer body) {
    String contentType = mediaType(headers.get("Content-Type"));
    if (contentType.equals("application/cloudevents-batch+json")) {
      return batch(parse(body));
    }
    if (headers.contains("ce-specversion")) {
      return List.of(binary(headers, contentType, body));
    }
    if (contentType.equals("application/cloudevents+json")
        || contentType.equals("application/json")) {
      return List.of(single(parse(body)));
    }
    throw new InvalidEvents(
        "Content-Type",
        "must be application/cloudevents+json, application/cloudevents-batch+json,"
            + " or binary mode with ce-* headers");
  }

  /** Decodes an event-bus ingest message: one event as an object, or a batch as an array. */
  static List<JsonObject> decode(Object body) {
    if (body instanceof JsonObject object) {
      return List.of(object);
    }
    if (body instanceof JsonArray array) {
      return batch(array);
    }
    if (body instanceof String || body instanceof Buffer) {
      Buffer buffer = body instanceof String text ? Buffer.buffer(text) : (Buffer) body;
      Object parsed = parse(buffer);
      return parsed instanceof JsonArray array ? batch(array) : List.of(single(parsed));
    }
    throw new InvalidEvents("body", "must be a CloudEvent JSON object or an array of them");
  }

  private static Object parse(Buffer body) {
    try {
      return Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new InvalidEvents("body", "not valid JSON");
    }
  }

  private static JsonObject single(Object parsed) {
    if (parsed instanceof JsonObject object) {
      return object;
    }
    throw new InvalidEvents("body", "must be a JSON object");
  }

  private static List<JsonObject> batch(Object parsed) {
    if (!(parsed instanceof JsonArray items)) {
      throw new InvalidEvents("body", "a batch must be a JSON array");
    }
    if (items.isEmpty()) {
      throw new InvalidEvents("body", "a batch must hold at least one event");
    }
    List<JsonObject> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (items.getValue(i) instanceof JsonObject item) {
        events.add(item);
      } else {
        throw new InvalidEvents("[" + i + "]", "must be a JSON object");
      }
    }
    return events;
  }

  private static JsonObject binary(MultiMap headers, String contentType, Buffer body) {
    JsonObject event = new JsonObject();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(CE_PREFIX)) {
        event.put(name.substring(CE_PREFIX.length()), header.getValue());
      }
    }
    if (!contentType.isEmpty()) {
      event.put("datacontenttype", contentType);
    }
    if (body.length() > 0) {
      event.put("data", parse(body));
    }
    return event;
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }
}
