package org.ushs.bench;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * What one connection received in the current round: which publish numbers (distinct, duplicate),
 * whether sequences only increased, and the {@code replay} message of a resume. Used on its lane's
 * event loop only.
 */
final class Subscriber {

  final SubscriberSpec spec;
  private final BitSet seen = new BitSet();
  private long base;
  private long lastSequence = -1;
  int distinct;
  int duplicates;
  int outOfOrder;
  int strays;
  int controls;
  boolean closed;
  short closeCode;
  long replayNanos;
  int replayCount = -1;
  boolean recovered;
  int eventsBeforeReplay;

  Subscriber(SubscriberSpec spec) {
    this.spec = spec;
  }

  /** Forgets the last round; this round's publish numbers start at {@code base}. */
  void reset(long base) {
    this.base = base;
    seen.clear();
    distinct = 0;
    duplicates = 0;
    outOfOrder = 0;
    strays = 0;
    controls = 0;
  }

  /** An event with {@code sequence} and publish number {@code n}. */
  void onEvent(long sequence, long n) {
    long index = n - base;
    if (index < 0 || index > Integer.MAX_VALUE) {
      strays++;
    } else if (seen.get((int) index)) {
      duplicates++;
    } else {
      seen.set((int) index);
      distinct++;
      if (sequence <= lastSequence) {
        outOfOrder++;
      }
    }
    lastSequence = Math.max(lastSequence, sequence);
  }

  /** A server message that is not an event: {@code replay}, {@code error}... */
  void onControl(byte[] frame, int from, int to, long nanos) {
    controls++;
    JsonObject message = new JsonObject(new String(frame, from, to - from, StandardCharsets.UTF_8));
    if ("replay".equals(message.getString("type"))) {
      replayNanos = nanos;
      replayCount = message.getInteger("count", -1);
      recovered = message.getBoolean("recovered", false);
      eventsBeforeReplay = distinct + duplicates;
    }
  }

  void onClose(short code) {
    closed = true;
    closeCode = code;
  }
}
