package org.ushs.client;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client does when its connection ends, by the close code the server sent (the table in
 * README "Codes"). Pure.
 */
public final class CloseCodePolicy {

  /** The client's reaction to a closed connection. */
  public enum Action {
    /** The node is going away: reconnect at once, to the next endpoint if several. */
    RECONNECT_NOW,
    /** A transient failure: reconnect after the backoff delay. */
    RECONNECT_WITH_BACKOFF,
    /** Retrying as is cannot succeed (credentials, a client bug): stop. */
    STOP
  }

  private static final Pattern RETRY_AFTER = Pattern.compile("retry-after=(\\d{1,6})");

  private CloseCodePolicy() {}

  /**
   * The action for a close with {@code code}; null means the connection ended without a close frame
   * or could not be opened.
   */
  public static Action forClose(Integer code) {
    if (code == null) {
      return Action.RECONNECT_WITH_BACKOFF;
    }
    return switch (code) {
      case 1001, 1012 -> Action.RECONNECT_NOW;
      // 1002 protocol error, 1003 unsupported data, 1007 bad payload, 1008 policy, 1009 too big,
      // 1010 extension, 4000 and 4004 (bad message or subscription): a client bug; 4001/4002
      // credentials: a retry with the same credentials fails the same way.
      case 1002, 1003, 1007, 1008, 1009, 1010, 4000, 4001, 4002, 4004 -> Action.STOP;
      default -> Action.RECONNECT_WITH_BACKOFF;
    };
  }

  /** The server's {@code retry-after=N} (seconds) in a close reason, as after a 4003. */
  public static Optional<Duration> retryAfter(String reason) {
    if (reason == null) {
      return Optional.empty();
    }
    Matcher matcher = RETRY_AFTER.matcher(reason);
    return matcher.find()
        ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1))))
        : Optional.empty();
  }
}
