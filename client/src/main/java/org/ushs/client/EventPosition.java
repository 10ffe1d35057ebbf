package org.ushs.client;

import java.util.regex.Pattern;

/**
 * Where an event sits in the gateway's log: the log's {@code epoch} (a token the server makes, 16
 * lowercase hex characters today, new each time the log starts empty) and the event's {@code
 * sequence} in that epoch. Sequences are comparable only within one epoch. The text form, {@code
 * <epoch>:<sequence>}, is what the client sends as {@code Last-Event-Position} and in a {@code
 * subscribe} command's {@code lastPosition}. Immutable.
 *
 * @param epoch the log's epoch: not empty, without {@code :} or white space
 * @param sequence the event's sequence in that epoch, at least 0
 */
public record EventPosition(String epoch, long sequence) {

  private static final Pattern EPOCH = Pattern.compile("[^:\\s]+");

  public EventPosition {
    if (epoch == null || !EPOCH.matcher(epoch).matches()) {
      throw new IllegalArgumentException(
          "an epoch is a non-empty token without ':' or spaces: " + epoch);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("a sequence is at least 0: " + sequence);
    }
  }

  /**
   * Reads the text form {@code <epoch>:<sequence>}.
   *
   * @throws IllegalArgumentException when {@code text} is not of that form
   */
  public static EventPosition parse(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("a position is <epoch>:<sequence>: " + text);
    }
    try {
      return new EventPosition(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a position is <epoch>:<sequence>: " + text, e);
    }
  }

  /** {@code <epoch>:<sequence>}. */
  @Override
  public String toString() {
    return epoch + ":" + sequence;
  }
}
