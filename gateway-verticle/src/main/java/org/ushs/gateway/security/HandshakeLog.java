package org.ushs.gateway.security;

import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLHandshakeException;

/**
 * One INFO line per refused connection: the reason, who (when known), the remote address, the
 * {@code Origin} and the path; never a query string, a token, a key or a payload.
 */
public final class HandshakeLog {

  private static final Logger LOG = Logger.getLogger(HandshakeLog.class.getName());

  private HandshakeLog() {}

  /** A WebSocket handshake refused for {@code reason}; {@code identity} may be null. */
  public static void refused(ServerWebSocketHandshake handshake, String reason, String identity) {
    String origin = handshake.headers().get("Origin");
    LOG.log(
        Level.INFO,
        "refused WebSocket handshake from {0} origin {1} uri {2} identity {3}: {4}",
        new Object[] {
          handshake.remoteAddress(),
          origin == null ? "none" : LogText.safe(origin),
          LogText.redactedUri(handshake.uri()),
          identity == null ? "unknown" : LogText.safe(identity),
          LogText.safe(reason)
        });
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
    LOG.log(
        Level.INFO, "refused connection before the WebSocket handshake: {0}", LogText.safe(what));
  }
}
