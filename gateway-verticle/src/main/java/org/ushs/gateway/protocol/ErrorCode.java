package org.ushs.gateway.protocol;

/**
 * Every code the server sends, in error messages and close frames, with its generic reason and what
 * a client should do. The one table of codes; README {@code ## Codes} shows the same (a test keeps
 * them in step). Some closes carry a more precise reason: 1001 {@code heartbeat timeout}, 4002
 * {@code token expired}, 4003 {@code rate limit: 100/s burst 1000 retry-after=1}, 1013 {@code
 * connection limit: N per node} or {@code per identity}. A connection over a connection limit is
 * accepted and then closed with 1013, rather than refused with HTTP 503 before the upgrade, so that
 * browsers, which cannot read the status of a refused upgrade, learn why too.
 */
public enum ErrorCode {
  GOING_AWAY(1001, "going away", Advice.RECONNECT_NOW),
  PROTOCOL_ERROR(1002, "protocol error", Advice.FIX_CLIENT),
  MESSAGE_TOO_BIG(1009, "message too big", Advice.FIX_CLIENT),
  CONNECTION_LIMIT(1013, "connection limit", Advice.RECONNECT_WITH_BACKOFF),
  TRY_AGAIN_LATER(1013, "try again later", Advice.RECONNECT_WITH_BACKOFF),
  INVALID_MESSAGE(4000, "Invalid message format", Advice.FIX_CLIENT),
  AUTH_REQUIRED(4001, "Authentication required", Advice.FIX_CREDENTIALS),
  UNAUTHORIZED(4002, "Unauthorized", Advice.FIX_CREDENTIALS),
  RATE_LIMITED(4003, "Rate limit exceeded", Advice.RECONNECT_WITH_BACKOFF),
  INVALID_SUBSCRIPTION(4004, "Invalid subscription", Advice.FIX_CLIENT),
  SERVER_ERROR(4005, "Server error", Advice.RECONNECT_WITH_BACKOFF),
  SLOW_CONSUMER(4006, "slow consumer", Advice.RECONNECT_WITH_BACKOFF);

  /** What a client should do after a close with this code, in the README's words. */
  public enum Advice {
    RECONNECT_NOW("reconnect now"),
    RECONNECT_WITH_BACKOFF("reconnect with backoff"),
    FIX_CREDENTIALS("fix credentials"),
    FIX_CLIENT("fix the client");

    public final String words;

    Advice(String words) {
      this.words = words;
    }
  }

  public final int code;
  public final String message;
  public final Advice advice;

  ErrorCode(int code, String message, Advice advice) {
    this.code = code;
    this.message = message;
    this.advice = advice;
  }
}
