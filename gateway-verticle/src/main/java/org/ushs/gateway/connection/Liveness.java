package org.ushs.gateway.connection;

/**
 * Whether a client still answers: each heartbeat tick sends a ping unless {@link #MAX_UNANSWERED}
 * pings in a row went unanswered, in which case the connection is timed out. Any frame from the
 * client (a pong, a message, its own ping) answers. Pure; used on one thread.
 */
public final class Liveness {

  /** Pings a client may leave unanswered in a row. */
  public static final int MAX_UNANSWERED = 3;

  /** What a heartbeat tick asks for. */
  public enum Beat {
    PING,
    TIMEOUT
  }

  private int unanswered;

  /** A frame came from the client. */
  public void heard() {
    unanswered = 0;
  }

  /** A heartbeat tick: ping again, or time out after {@link #MAX_UNANSWERED} unanswered. */
  public Beat tick() {
    if (unanswered >= MAX_UNANSWERED) {
      return Beat.TIMEOUT;
    }
    unanswered++;
    return Beat.PING;
  }
}
