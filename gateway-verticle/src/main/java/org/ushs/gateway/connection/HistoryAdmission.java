package org.ushs.gateway.connection;

import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ushs.common.health.Readiness;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.transport.ws.QueryParameters;

/**
 * Refuses, at the handshake, a connection that asks for history (any resume form: {@code
 * Last-Event-ID} or {@code Last-Event-Position} header, {@code lastEventId} or {@code lastPosition}
 * query parameter) while the node cannot vouch for the log ({@link Readiness#historyWithheld}): it
 * is closed with 1013 {@code try again later: <reason>}, so the client reconnects with backoff,
 * through the load balancer to a node that can. Connections without a resume point are served.
 */
public final class HistoryAdmission {

  private static final List<String> HEADERS = List.of("Last-Event-ID", "Last-Event-Position");
  private static final List<String> PARAMETERS = List.of("lastEventId", "lastPosition");

  private HistoryAdmission() {}

  /** Whether {@code ws} was refused (and is being closed). */
  public static boolean refused(ServerWebSocket ws, Readiness readiness) {
    if (!asksHistory(ws)) {
      return false;
    }
    Optional<String> withheld = readiness.historyWithheld();
    withheld.ifPresent(
        reason -> ws.close((short) ErrorCode.TRY_AGAIN_LATER.code, "try again later: " + reason));
    return withheld.isPresent();
  }

  static boolean asksHistory(ServerWebSocket ws) {
    for (String header : HEADERS) {
      if (ws.headers().contains(header)) {
        return true;
      }
    }
    if (ws.query() == null) {
      return false;
    }
    Map<String, List<String>> query = QueryParameters.parse(ws.query());
    return PARAMETERS.stream().anyMatch(query::containsKey);
  }
}
