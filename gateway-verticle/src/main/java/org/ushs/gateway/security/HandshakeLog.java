package org.ushs.gateway.security;

import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.SocketAddress;
import java.util.logging.Logger;
import javax.net.ssl.SSLHandshakeException;
import org.ushs.common.net.LogText;
import org.ushs.common.net.RefusalLog;

/**
 * Refused connections in the log, quiet under attack: at most one INFO line per kind of refusal per
 * {@link RefusalLog#WINDOW} (the next counts those not logged), each with the reason, who (when
 * known), the remote address, the {@code Origin} and the path; never a query string, a token, a key
 * or a payload.
 */
public final class HandshakeLog {

  private static final RefusalLog REFUSALS =
      new RefusalLog(Logger.getLogger(HandshakeLog.class.getName()));

  private HandshakeLog() {}

  /** A WebSocket handshake refused for {@code reason}; {@code identity} may be null. */
  public static void refused(ServerWebSocketHandshake handshake, String reason, String identity) {
    String origin = handshake.headers().get("Origin");
    REFUSALS.refused(
        "handshake " + reason,
        "refused WebSocket handshake from "
            + handshake.remoteAddress()
            + " origin "
            + (origin == null ? "none" : LogText.safe(origin))
            + " uri "
            + LogText.redactedUri(handshake.uri())
            + " identity "
            + (identity == null ? "unknown" : LogText.safe(identity))
            + ": "
            + LogText.safe(reason));
  }

  /** A plain HTTP request refused for {@code reason}. */
  public static void refused(SocketAddress remote, String reason) {
    REFUSALS.refused("request " + reason, "refused HTTP request from " + remote + ": " + reason);
  }

  /** A connection closed at once: the gateway port holds {@code total} connections already. */
  public static void portFull(SocketAddress remote, int total) {
    REFUSALS.refused(
        "port full",
        "refused connection from "
            + remote
            + ": gateway port full, "
            + total
            + " connections open");
  }

  /**
   * A connection that failed before HTTP, such as a refused TLS handshake. Only a TLS handshake
   * failure's message is logged: others may quote the bytes received (Netty's "not an SSL/TLS
   * record" dumps a plain-text request, query string and headers included).
   */
  public static void connectionFailed(Throwable failure) {
    String what =
        failure instanceof SSLHandshakeException
            ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
            : failure.getClass().getSimpleName();
    String line = "refused connection before the WebSocket handshake: " + LogText.safe(what);
    REFUSALS.refused(line, line);
  }
}
