package org.ushs.common.event;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One published event: a decoded {@link #view()} for validation and routing, and its top-level
 * attributes as the exact bytes published ({@link #members()}), from which the JSON clients receive
 * is spliced. Not thread-safe; used by one publish.
 */
public final class RawEvent {

  private final JsonObject view;
  private final List<RawMember> members;

  RawEvent(JsonObject view, List<RawMember> members) {
    this.view = view;
    this.members = List.copyOf(members);
  }

  /**
   * An event built in code: {@code event} is the view (later changes to it are not seen in the
   * bytes) and each attribute's bytes are its JSON encoding.
   */
  public static RawEvent of(JsonObject event) {
    List<RawMember> members = new ArrayList<>(event.size());
    for (Map.Entry<String, Object> entry : event) {
      byte[] value = Json.encode(entry.getValue()).getBytes(StandardCharsets.UTF_8);
      members.add(new RawMember(entry.getKey(), value, 0, value.length));
    }
    return new RawEvent(event, members);
  }

  /** The decoded event; numbers are approximations good for range checks, never re-encoded. */
  public JsonObject view() {
    return view;
  }

  public List<RawMember> members() {
    return members;
  }

  /**
   * The event as a JSON object: every attribute's bytes as published, in order, except those named
   * in {@code replaced}, which get the given string values (in place when the event has the
   * attribute, appended otherwise, in the map's order).
   */
  Buffer encode(Map<String, String> replaced) {
    Map<String, String> pending = new LinkedHashMap<>(replaced);
    Buffer out = Buffer.buffer(estimate());
    out.appendByte((byte) '{');
    for (RawMember member : members) {
      appendName(out, member.name());
      String value = pending.remove(member.name());
      if (value == null) {
        member.appendValueTo(out);
      } else {
        appendString(out, value);
      }
    }
    pending.forEach(
        (name, value) -> {
          appendName(out, name);
          appendString(out, value);
        });
    return out.appendByte((byte) '}');
  }

  private int estimate() {
    int size = 64;
    for (RawMember member : members) {
      size += member.name().length() + member.length() + 4;
    }
    return size;
  }

  private static void appendName(Buffer out, String name) {
    if (out.length() > 1) {
      out.appendByte((byte) ',');
    }
    appendString(out, name);
    out.appendByte((byte) ':');
  }

  private static void appendString(Buffer out, String text) {
    out.appendByte((byte) '"')
        .appendBytes(JsonStringEncoder.getInstance().quoteAsUTF8(text))
        .appendByte((byte) '"');
  }
}
