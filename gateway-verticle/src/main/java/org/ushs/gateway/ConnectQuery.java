package org.ushs.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ushs.gateway.protocol.Command;
import org.ushs.gateway.protocol.CommandParser;
import org.ushs.gateway.resume.ResumePoint;
import org.ushs.gateway.subscription.Filter;
import org.ushs.gateway.transport.ws.QueryParameters;

/**
 * The connection's query parameters. {@code subscribe}, {@code session} and {@code service} make
 * the first subscription: {@code session} or {@code service} alone subscribe to every type.
 */
record ConnectQuery(Map<String, List<String>> parameters) {

  /**
   * The parameters of {@code rawQuery} (null: none).
   *
   * @throws IllegalArgumentException for a malformed percent escape
   */
  static ConnectQuery parse(String rawQuery) {
    return new ConnectQuery(QueryParameters.parse(rawQuery));
  }

  String first(String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The first subscription, or null when the query asks for none; throws ProtocolError. */
  Command.Subscribe subscription() {
    String types = first("subscribe");
    String session = first("session");
    String service = first("service");
    if (types == null && session == null && service == null) {
      return null;
    }
    List<String> names = types == null ? List.of("*") : splitList(types);
    Set<String> services = service == null ? null : Set.copyOf(splitList(service));
    return new Command.Subscribe(
        CommandParser.selectors(new JsonArray(names)), new Filter(services, null, session));
  }

  /**
   * The resume point the handshake asks for: headers {@code Last-Event-Position}, {@code
   * Last-Event-ID} and {@code Last-Event-Source} win over the query's {@code lastPosition}, {@code
   * lastEventId} and {@code lastEventSource}; null when none. Throws ProtocolError (4000) for a
   * malformed position.
   */
  ResumePoint resumePoint(MultiMap headers) {
    String position = headers.get("Last-Event-Position");
    String id = headers.get("Last-Event-ID");
    String source = headers.get("Last-Event-Source");
    return ResumePoint.of(
        position != null ? position : first("lastPosition"),
        id != null ? id : first("lastEventId"),
        source != null ? source : first("lastEventSource"),
        position != null ? "Last-Event-Position" : "lastPosition");
  }

  private static List<String> splitList(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }
}
