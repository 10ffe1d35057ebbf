package org.ushs.bench;

import java.util.Arrays;

/**
 * Splits the bytes a WebSocket client reads into messages (RFC 6455 base framing), without copying
 * complete frames: each message is handed over as a range of the chunk it arrived in. Frames split
 * across reads are kept until complete; fragmented messages are joined. Server frames are unmasked;
 * a masked one is unmasked in place. One connection, one thread.
 */
final class WsFrameParser {

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** Receives whole messages: {@code payload[from, to)}, valid only during the call. */
  interface Sink {
    void message(int opcode, byte[] payload, int from, int to);
  }

  private static final byte[] NONE = new byte[0];

  private byte[] pending = NONE;
  private byte[] fragments = NONE;
  private int fragmentsLength;
  private int fragmentsOpcode = -1;

  /** Parses {@code chunk} (after what was left of earlier chunks); may keep a partial frame. */
  void feed(byte[] chunk, Sink sink) {
    byte[] data = chunk;
    if (pending.length > 0) {
      data = Arrays.copyOf(pending, pending.length + chunk.length);
      System.arraycopy(chunk, 0, data, pending.length, chunk.length);
    }
    int at = 0;
    while (true) {
      int next = frame(data, at, sink);
      if (next < 0) {
        break;
      }
      at = next;
    }
    pending = at == data.length ? NONE : Arrays.copyOfRange(data, at, data.length);
  }

  /** Handles the frame at {@code at}; the offset after it, or -1 when it is not complete yet. */
  private int frame(byte[] data, int at, Sink sink) {
    if (data.length - at < 2) {
      return -1;
    }
    boolean fin = (data[at] & 0x80) != 0;
    int opcode = data[at] & 0x0F;
    boolean masked = (data[at + 1] & 0x80) != 0;
    long length = data[at + 1] & 0x7F;
    int header = 2;
    if (length == 126) {
      if (data.length - at < 4) {
        return -1;
      }
      length = ((data[at + 2] & 0xFFL) << 8) | (data[at + 3] & 0xFFL);
      header = 4;
    } else if (length == 127) {
      if (data.length - at < 10) {
        return -1;
      }
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | (data[at + 2 + i] & 0xFF);
      }
      header = 10;
    }
    int maskAt = at + header;
    int start = maskAt + (masked ? 4 : 0);
    if (length > Integer.MAX_VALUE - start || data.length < start + length) {
      return -1;
    }
    int end = start + (int) length;
    if (masked) {
      for (int i = start; i < end; i++) {
        data[i] ^= data[maskAt + ((i - start) & 3)];
      }
    }
    deliver(fin, opcode, data, start, end, sink);
    return end;
  }

  private void deliver(boolean fin, int opcode, byte[] data, int from, int to, Sink sink) {
    if (opcode >= CLOSE || (fin && opcode != CONTINUATION && fragmentsOpcode < 0)) {
      sink.message(opcode, data, from, to);
      return;
    }
    if (opcode != CONTINUATION) {
      fragmentsOpcode = opcode;
      fragmentsLength = 0;
    }
    int length = to - from;
    if (fragments.length < fragmentsLength + length) {
      fragments =
          Arrays.copyOf(fragments, Math.max(2 * fragments.length, fragmentsLength + length));
    }
    System.arraycopy(data, from, fragments, fragmentsLength, length);
    fragmentsLength += length;
    if (fin) {
      int whole = fragmentsOpcode;
      fragmentsOpcode = -1;
      sink.message(whole, fragments, 0, fragmentsLength);
    }
  }
}
