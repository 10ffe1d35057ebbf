package org.ushs.protocol;

import java.util.Optional;

/**
 * Every code the server sends in error messages and close frames: its number, its generic reason
 * (the text of error messages and close frames, unless a more precise one is given), what it means
 * and what a client should do. The one table of codes; README {@code ## Codes} shows the same.
 */
public enum CloseCode {
  GOING_AWAY(
      1001,
      "going away",
      "the node is shutting down, or pings went unanswered",
      Advice.RECONNECT_NOW),
  PROTOCOL_ERROR(1002, "protocol error", "a frame broke RFC 6455", Advice.FIX_CLIENT),
  INVALID_PAYLOAD(
      1007, "invalid payload data", "a text message that is not UTF-8", Advice.FIX_CLIENT),
  MESSAGE_TOO_BIG(
      1009, "message too big", "a frame or message over the size limit", Advice.FIX_CLIENT),
  CONNECTION_LIMIT(
      1013,
      "connection limit",
      "too many connections on the node, for the principal or from the IP address; or a resume the"
          + " node cannot vouch for yet (no quorum, or catching up on the log)",
      Advice.RECONNECT_WITH_BACKOFF),

  INVALID_MESSAGE(
      4000,
      "Invalid message format",
      "a command that is not JSON, unknown, or mistyped",
      Advice.FIX_CLIENT),
  AUTH_REQUIRED(4001, "Authentication required", "no credentials", Advice.FIX_CREDENTIALS),
  UNAUTHORIZED(
      4002,
      "Unauthorized",
      "bad or expired credentials, or a type the principal may not see",
      Advice.FIX_CREDENTIALS),
  RATE_LIMITED(
      4003, "Rate limit exceeded", "messages over the rate limit", Advice.RECONNECT_WITH_BACKOFF),
  INVALID_SUBSCRIPTION(4004, "Invalid subscription", "an unknown event type", Advice.FIX_CLIENT),
  SERVER_ERROR(
      4005,
      "Server error",
      "the server failed while handling the client's message",
      Advice.RECONNECT_WITH_BACKOFF),
  SLOW_CONSUMER(
      4006, "slow consumer", "the client fell too far behind", Advice.RECONNECT_WITH_BACKOFF);

  /** What a client should do after a close with a code, in the README's words. */
  public enum Advice {
    RECONNECT_NOW("reconnect now"),
    RECONNECT_WITH_BACKOFF("reconnect with backoff"),
    FIX_CREDENTIALS("fix credentials"),
    FIX_CLIENT("fix the client");

    public final String words;

    Advice(String words) {
      this.words = words;
    }

    /** Whether a client should connect again (at once or after backoff). */
    public boolean reconnects() {
      return this == RECONNECT_NOW || this == RECONNECT_WITH_BACKOFF;
    }
  }

  /** The number sent in error messages ({@code code}) and close frames. */
  public final int code;

  /** The generic reason. */
  public final String reason;

  /** What the code means, in a few words. */
  public final String meaning;

  public final Advice advice;

  CloseCode(int code, String reason, String meaning, Advice advice) {
    this.code = code;
    this.reason = reason;
    this.meaning = meaning;
    this.advice = advice;
  }

  /** The code numbered {@code code}, if the server sends it. */
  public static Optional<CloseCode> of(int code) {
    for (CloseCode value : values()) {
      if (value.code == code) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
