package org.ushs.gateway.security;

import java.util.Optional;

/**
 * A bearer token carried as a WebSocket subprotocol, for browsers that can set neither headers nor
 * (without leaking it into URLs and logs) query strings. The client offers {@code
 * Sec-WebSocket-Protocol: ushs.bearer.<jwt>, cloudevents.json}; the server authenticates with the
 * token and selects {@code cloudevents.json}, the only subprotocol it ever selects, so the token is
 * never echoed back. Pure.
 */
public final class TokenSubprotocol {

  /** The prefix of the token subprotocol. */
  public static final String PREFIX = "ushs.bearer.";

  /** The subprotocol the server selects when the client offers it. */
  public static final String APPLICATION = "cloudevents.json";

  private TokenSubprotocol() {}

  /** The token in a {@code Sec-WebSocket-Protocol} header value, if one is offered. */
  public static Optional<String> token(String header) {
    if (header == null) {
      return Optional.empty();
    }
    for (String offered : header.split(",", -1)) {
      String protocol = offered.trim();
      if (protocol.startsWith(PREFIX) && protocol.length() > PREFIX.length()) {
        return Optional.of(protocol.substring(PREFIX.length()));
      }
    }
    return Optional.empty();
  }
}
