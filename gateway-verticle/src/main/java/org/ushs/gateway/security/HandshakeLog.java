package org.ushs.gateway.security;

import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One INFO line per refused connection: the reason, who (when known), the remote address, the
 * {@code Origin} and the path; never a query string, a token, a key or a payload.
 */
public final class HandshakeLog {

  private static final Logger LOG = Logger.getLogger(HandshakeLog.class.getName());

  private HandshakeLog() {}

  /** A WebSocket handshake refused for {@code reason}; {@code identity} may be null. */
  public static void refused(ServerWebSocketHandshake handshake, String reason, String identity) {
    LOG.log(
        Level.INFO,
        "refused WebSocket handshake from {0} origin {1} uri {2} identity {3}: {4}",
        new Object[] {
          handshake.remoteAddress(),
          LogText.safe(handshake.headers().get("Origin")),
          LogText.redactedUri(handshake.uri()),
          identity == null ? "unknown" : LogText.safe(identity),
          LogText.safe(reason)
        });
  }

  /** A connection that failed before HTTP, such as a refused TLS handshake. */
  public static void connectionFailed(Throwable failure) {
    LOG.log(
        Level.INFO,
        "refused connection before the WebSocket handshake: {0}",
        LogText.safe(String.valueOf(failure)));
  }
}
