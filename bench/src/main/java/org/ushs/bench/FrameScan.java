package org.ushs.bench;

/**
 * Reads what the generator needs from a delivered event without parsing the JSON: its {@code
 * sequence} (which the server puts first), the number at the end of its id, and {@code
 * data.sentAtNanos}. Parsing 500k events a second would make the generator the bottleneck. The
 * event is {@code frame[from, to)}; a value that is absent reads as {@link #ABSENT}.
 */
final class FrameScan {

  static final long ABSENT = Long.MIN_VALUE;

  private static final byte[] SEQUENCE = ascii("{\"sequence\":\"");
  private static final byte[] ID = ascii("\"id\":\"");
  private static final byte[] SENT_AT = ascii("\"sentAtNanos\":");

  private FrameScan() {}

  /** Is this frame an event (rather than a server message such as {@code replay})? */
  static boolean isEvent(byte[] frame, int from, int to) {
    return startsWith(frame, to, SEQUENCE, from);
  }

  static long sequence(byte[] frame, int from, int to) {
    return isEvent(frame, from, to) ? digits(frame, from + SEQUENCE.length, to) : ABSENT;
  }

  /** The decimal number after the last '-' of the event's id. */
  static long idNumber(byte[] frame, int from, int to) {
    int start = find(frame, ID, from, to);
    if (start < 0) {
      return ABSENT;
    }
    start += ID.length;
    int end = start;
    while (end < to && frame[end] != '"') {
      end++;
    }
    int dash = end - 1;
    while (dash >= start && frame[dash] != '-') {
      dash--;
    }
    return dash < start ? ABSENT : digits(frame, dash + 1, to);
  }

  /** {@code data.sentAtNanos}, searched from the end: the generator puts it late in the event. */
  static long sentAtNanos(byte[] frame, int from, int to) {
    for (int i = to - SENT_AT.length; i >= from; i--) {
      if (frame[i] == '"' && startsWith(frame, to, SENT_AT, i)) {
        return digits(frame, i + SENT_AT.length, to);
      }
    }
    return ABSENT;
  }

  static boolean isEvent(byte[] frame) {
    return isEvent(frame, 0, frame.length);
  }

  static long sequence(byte[] frame) {
    return sequence(frame, 0, frame.length);
  }

  static long idNumber(byte[] frame) {
    return idNumber(frame, 0, frame.length);
  }

  static long sentAtNanos(byte[] frame) {
    return sentAtNanos(frame, 0, frame.length);
  }

  /** The optionally signed decimal number at {@code from}. */
  static long digits(byte[] frame, int from, int to) {
    int i = from;
    boolean negative = i < to && frame[i] == '-';
    if (negative) {
      i++;
    }
    long value = 0;
    int start = i;
    while (i < to && frame[i] >= '0' && frame[i] <= '9') {
      value = value * 10 + (frame[i] - '0');
      i++;
    }
    if (i == start) {
      return ABSENT;
    }
    return negative ? -value : value;
  }

  static int find(byte[] frame, byte[] pattern, int from) {
    return find(frame, pattern, from, frame.length);
  }

  static int find(byte[] frame, byte[] pattern, int from, int to) {
    int last = to - pattern.length;
    for (int i = from; i <= last; i++) {
      if (frame[i] == pattern[0] && startsWith(frame, to, pattern, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] frame, int to, byte[] pattern, int at) {
    if (to - at < pattern.length) {
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
