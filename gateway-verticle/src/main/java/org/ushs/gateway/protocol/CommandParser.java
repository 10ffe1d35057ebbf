package org.ushs.gateway.protocol;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ushs.gateway.resume.ResumePoint;
import org.ushs.gateway.subscription.Filter;
import org.ushs.gateway.subscription.Selector;
import org.ushs.protocol.EventCatalog;

/**
 * Parses client commands: {@code subscribe}, {@code unsubscribe}, {@code ping}, {@code refresh}.
 * Malformed input is a 4000 error naming the field; unknown event types or severities are 4004.
 * Pure.
 */
public final class CommandParser {

  private static final Set<String> SEVERITIES = Set.copyOf(EventCatalog.SEVERITIES);

  private static final Set<String> FILTER_KEYS = Set.copyOf(EventCatalog.FILTER_KEYS);

  private CommandParser() {}

  public static Command parse(String text) {
    JsonObject json = object(text);
    if (!(json.getValue("command") instanceof String command)) {
      throw invalid("command", "required: a string");
    }
    return switch (command) {
      case "subscribe" ->
          new Command.Subscribe(
              selectors(json.getValue("eventTypes")), filter(json), resumePoint(json));
      case "unsubscribe" -> new Command.Unsubscribe(selectors(json.getValue("eventTypes")));
      case "ping" -> new Command.Ping();
      case "refresh" -> new Command.Refresh(token(json.getValue("token")));
      default ->
          throw invalid(
              "command", "unknown command: must be subscribe, unsubscribe, ping or refresh");
    };
  }

  private static JsonObject object(String text) {
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw invalid("message", "must be a JSON object");
    }
  }

  /**
   * The selectors of a list of event-type names, as in {@code eventTypes} or {@code ?subscribe}.
   */
  public static List<Selector> selectors(Object value) {
    if (!(value instanceof JsonArray array)) {
      throw invalid("eventTypes", "Must be an array");
    }
    if (array.isEmpty()) {
      throw invalid("eventTypes", "must name at least one event type");
    }
    List<Selector> selectors = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String name)) {
        throw invalid("eventTypes", "must be an array of strings");
      }
      selectors.add(
          Selector.parse(name)
              .orElseThrow(
                  () ->
                      new ProtocolError(
                          ErrorCode.INVALID_SUBSCRIPTION,
                          "eventTypes",
                          "unknown event type: " + name)));
    }
    return selectors;
  }

  /** The command's {@code lastPosition}, {@code lastEventId}, {@code lastEventSource}, if any. */
  private static ResumePoint resumePoint(JsonObject command) {
    return ResumePoint.of(
        optionalString(command, "lastPosition"),
        optionalString(command, "lastEventId"),
        optionalString(command, "lastEventSource"),
        "lastPosition");
  }

  private static String optionalString(JsonObject command, String field) {
    Object value = command.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw invalid(field, "must be a string");
    }
    return (String) value;
  }

  private static String token(Object value) {
    if (!(value instanceof String token) || token.isBlank()) {
      throw invalid("token", "required: a non-empty string");
    }
    return token;
  }

  private static Filter filter(JsonObject command) {
    Object value = command.getValue("filters");
    if (value == null) {
      return Filter.NONE;
    }
    if (!(value instanceof JsonObject filters)) {
      throw invalid("filters", "must be an object");
    }
    for (String name : filters.fieldNames()) {
      if (!FILTER_KEYS.contains(name)) {
        throw invalid("filters." + name, "unknown filter: must be service, severity or session");
      }
    }
    Object session = filters.getValue("session");
    if (session != null && !(session instanceof String)) {
      throw invalid("filters.session", "must be a string");
    }
    return new Filter(
        strings(filters.getValue("service"), "filters.service", true),
        severities(filters.getValue("severity")),
        (String) session);
  }

  private static Set<String> severities(Object value) {
    Set<String> severities = strings(value, "filters.severity", false);
    if (severities != null && !SEVERITIES.containsAll(severities)) {
      throw new ProtocolError(
          ErrorCode.INVALID_SUBSCRIPTION,
          "filters.severity",
          "unknown severity: must be critical, high, medium or low");
    }
    return severities;
  }

  private static Set<String> strings(Object value, String field, boolean singleAllowed) {
    if (value == null) {
      return null;
    }
    if (singleAllowed && value instanceof String single) {
      return Set.of(single);
    }
    if (!(value instanceof JsonArray array)) {
      throw invalid(field, singleAllowed ? "must be a string or an array" : "Must be an array");
    }
    Set<String> strings = new HashSet<>();
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw invalid(field, "must be an array of strings");
      }
      strings.add(text);
    }
    return strings;
  }

  private static ProtocolError invalid(String field, String error) {
    return new ProtocolError(ErrorCode.INVALID_MESSAGE, field, error);
  }
}
