package org.ushs.gateway.protocol;

/**
 * Every code the server sends, in error messages and close frames, with its reason and what a
 * client should do. The one table of codes; README shows the same.
 */
public enum ErrorCode {
  GOING_AWAY(1001, "going away", Advice.RECONNECT_NOW),
  MESSAGE_TOO_BIG(1009, "message too big", Advice.FIX_CLIENT),
  INVALID_MESSAGE(4000, "Invalid message format", Advice.FIX_CLIENT),
  AUTH_REQUIRED(4001, "Authentication required", Advice.FIX_CREDENTIALS),
  UNAUTHORIZED(4002, "Unauthorized", Advice.FIX_CREDENTIALS),
  RATE_LIMITED(4003, "Rate limit exceeded", Advice.RECONNECT_WITH_BACKOFF),
  INVALID_SUBSCRIPTION(4004, "Invalid subscription", Advice.FIX_CLIENT),
  SERVER_ERROR(4005, "Server error", Advice.RECONNECT_WITH_BACKOFF),
  SLOW_CONSUMER(4006, "slow consumer", Advice.RECONNECT_WITH_BACKOFF);

  /** What a client should do after a close with this code. */
  public enum Advice {
    RECONNECT_NOW,
    RECONNECT_WITH_BACKOFF,
    FIX_CREDENTIALS,
    FIX_CLIENT
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
