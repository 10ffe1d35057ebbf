package org.ushs.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits what a NATS server sends a client (its text protocol: {@code MSG}, {@code PING}, {@code
 * PONG}, {@code INFO}, {@code +OK}, {@code -ERR}) into operations, without copying whole messages:
 * a payload is handed over as a range of the chunk it arrived in. Operations split across chunks
 * are kept until complete. One connection, one thread.
 */
final class NatsStream {

  /** Receives the operations. */
  interface Sink {
    /** A {@code MSG} payload: {@code bytes[from, to)}, valid only during the call. */
    void message(byte[] bytes, int from, int to);

    void ping();

    void pong();

    /** A {@code -ERR} line. */
    void error(String line);
  }

  private static final byte[] NONE = new byte[0];

  private byte[] pending = NONE;

  /** Parses {@code chunk[from, to)} after what was left of earlier chunks. */
  void feed(byte[] chunk, int from, int to, Sink sink) {
    byte[] data = chunk;
    int at = from;
    int end = to;
    if (pending.length > 0) {
      data = Arrays.copyOf(pending, pending.length + (to - from));
      System.arraycopy(chunk, from, data, pending.length, to - from);
      at = 0;
      end = data.length;
    }
    while (at < end) {
      int consumed = operation(data, at, end, sink);
      if (consumed == 0) {
        break;
      }
      at += consumed;
    }
    pending = at == end ? NONE : Arrays.copyOfRange(data, at, end);
  }

  /** Handles one operation at {@code data[at..]}; the bytes it took, 0 if it is incomplete. */
  private static int operation(byte[] data, int at, int end, Sink sink) {
    int lineEnd = lineEnd(data, at, end);
    if (lineEnd < 0) {
      return 0;
    }
    int afterLine = lineEnd + 2;
    if (startsWith(data, at, "MSG ")) {
      int size = lastNumber(data, at, lineEnd);
      if (afterLine + size + 2 > end) {
        return 0;
      }
      sink.message(data, afterLine, afterLine + size);
      return afterLine + size + 2 - at;
    }
    if (startsWith(data, at, "PING")) {
      sink.ping();
    } else if (startsWith(data, at, "PONG")) {
      sink.pong();
    } else if (startsWith(data, at, "-ERR")) {
      sink.error(new String(data, at, lineEnd - at, StandardCharsets.US_ASCII));
    }
    return afterLine - at;
  }

  private static int lineEnd(byte[] data, int at, int end) {
    for (int i = at; i + 1 < end; i++) {
      if (data[i] == '\r' && data[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int lastNumber(byte[] data, int from, int to) {
    int start = to;
    while (start > from && data[start - 1] >= '0' && data[start - 1] <= '9') {
      start--;
    }
    int value = 0;
    for (int i = start; i < to; i++) {
      value = value * 10 + (data[i] - '0');
    }
    return value;
  }

  private static boolean startsWith(byte[] data, int at, String prefix) {
    if (at + prefix.length() > data.length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (data[at + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
