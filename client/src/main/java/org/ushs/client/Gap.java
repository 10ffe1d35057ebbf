package org.ushs.client;

import io.vertx.core.json.JsonObject;

/**
 * Events the client should have received and will not: the server's {@code gap} message, sent
 * before the next event. The range is inclusive; {@code count} is how many of its events this
 * client would have received, or the range's size when the server cannot tell.
 *
 * @param epoch the log epoch of the range; null from a server that sends none
 * @param from the first sequence missed
 * @param to the last sequence missed
 * @param count how many events were missed
 * @param reason {@code retention} (overwritten or expired before it could be read), {@code shed}
 *     (dropped for a slow client, low and medium severity first), {@code overflow} (held events
 *     over a bound), {@code unavailable} (the log could not be read), or a newer reason
 */
public record Gap(String epoch, long from, long to, long count, String reason) {

  /**
   * Reads a {@code gap} message ({@code from}/{@code to} as decimal strings, numbers accepted).
   *
   * @throws IllegalArgumentException when {@code from} or {@code to} is missing or not a number
   */
  static Gap of(JsonObject json) {
    Object count = json.getValue("count");
    Object epoch = json.getValue("epoch");
    Object reason = json.getValue("reason");
    long from = sequence(json, "from");
    long to = sequence(json, "to");
    return new Gap(
        epoch instanceof String e ? e : null,
        from,
        to,
        count instanceof Number n ? n.longValue() : to - from + 1,
        reason instanceof String r ? r : "unknown");
  }

  private static long sequence(JsonObject json, String field) {
    Object value = json.getValue(field);
    try {
      if (value instanceof Number number) {
        return number.longValue();
      }
      if (value instanceof String text) {
        return Long.parseLong(text);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("gap: " + field + " is not a sequence: " + value, e);
    }
    throw new IllegalArgumentException("gap: " + field + " is missing");
  }
}
