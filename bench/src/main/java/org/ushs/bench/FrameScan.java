package org.ushs.bench;

/**
 * Reads what the generator needs from a delivered event without parsing the JSON: its {@code
 * sequence} (which the server puts first), the number at the end of its id, and {@code
 * data.sentAtNanos}. Parsing 500k events a second would make the generator the bottleneck. A value
 * that is absent reads as {@link #ABSENT}.
 */
final class FrameScan {

  static final long ABSENT = Long.MIN_VALUE;

  private static final byte[] SEQUENCE = ascii("{\"sequence\":\"");
  private static final byte[] ID = ascii("\"id\":\"");
  private static final byte[] SENT_AT = ascii("\"sentAtNanos\":");

  private FrameScan() {}

  /** Is this frame an event (rather than a server message such as {@code replay})? */
  static boolean isEvent(byte[] frame) {
    return startsWith(frame, SEQUENCE, 0);
  }

  static long sequence(byte[] frame) {
    return isEvent(frame) ? digits(frame, SEQUENCE.length) : ABSENT;
  }

  /** The decimal number after the last '-' of the event's id. */
  static long idNumber(byte[] frame) {
    int start = find(frame, ID, 0);
    if (start < 0) {
      return ABSENT;
    }
    start += ID.length;
    int end = start;
    while (end < frame.length && frame[end] != '"') {
      end++;
    }
    int dash = end - 1;
    while (dash >= start && frame[dash] != '-') {
      dash--;
    }
    return dash < start ? ABSENT : digits(frame, dash + 1);
  }

  static long sentAtNanos(byte[] frame) {
    int start = find(frame, SENT_AT, 0);
    return start < 0 ? ABSENT : digits(frame, start + SENT_AT.length);
  }

  /** The optionally signed decimal number at {@code from}. */
  static long digits(byte[] frame, int from) {
    int i = from;
    boolean negative = i < frame.length && frame[i] == '-';
    if (negative) {
      i++;
    }
    long value = 0;
    int start = i;
    while (i < frame.length && frame[i] >= '0' && frame[i] <= '9') {
      value = value * 10 + (frame[i] - '0');
      i++;
    }
    if (i == start) {
      return ABSENT;
    }
    return negative ? -value : value;
  }

  static int find(byte[] frame, byte[] pattern, int from) {
    int last = frame.length - pattern.length;
    for (int i = from; i <= last; i++) {
      if (frame[i] == pattern[0] && startsWith(frame, pattern, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] frame, byte[] pattern, int at) {
    if (frame.length - at < pattern.length) {
      return false;
    }
    for (int j = 0; j < pattern.length; j++) {
      if (frame[at + j] != pattern[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
