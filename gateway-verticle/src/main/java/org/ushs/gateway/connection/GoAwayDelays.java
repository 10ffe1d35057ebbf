package org.ushs.gateway.connection;

import java.time.Duration;

/**
 * When each of a gateway's clients is told to go away at shutdown: evenly over the window, the
 * first at once and none later than the window, so that the clients of a node do not all reconnect
 * to the next node at the same moment. Pure.
 */
public final class GoAwayDelays {

  private GoAwayDelays() {}

  /** The delay for client {@code index} of {@code count} (0-based), in milliseconds. */
  public static long delayMillis(int index, int count, Duration window) {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(index + " of " + count);
    }
    return window.toMillis() * index / count;
  }
}
