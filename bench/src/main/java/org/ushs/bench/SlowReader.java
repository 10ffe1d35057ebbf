package org.ushs.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * One subscriber that reads at most {@code bytesPerSecond}: what reached it, by severity, and the
 * {@code gap} messages it was told of. Its counters are read on the generator's thread between
 * rounds (after the deliveries settled), written on the Vert.x thread.
 */
final class SlowReader {

  /**
   * A small receive buffer, fixed (no autotuning, which on loopback grows to tens of MiB): the
   * backlog of a slow reader then builds up in the server, where shedding acts, within a round.
   */
  static final int RECEIVE_BUFFER = 64 * 1024;

  private final Map<String, BitSet> received = new HashMap<>();
  private volatile long gaps;
  private volatile long announced;
  private volatile short closeCode;
  private long base;

  /** Connects a throttled subscriber of every error event. */
  static Future<SlowReader> connect(Vertx vertx, Target target, long bytesPerSecond) {
    SlowReader reader = new SlowReader();
    RawWebSocket.Listener listener =
        new RawWebSocket.Listener() {
          @Override
          public void message(byte[] payload, int from, int to) {
            reader.onMessage(payload, from, to);
          }

          @Override
          public void closed(short code) {
            reader.closeCode = code;
          }
        };
    return RawWebSocket.connect(
            vertx.createNetClient(new NetClientOptions().setReceiveBufferSize(RECEIVE_BUFFER)),
            target,
            "/ushs/v1/ws?subscribe=error",
            null,
            listener)
        .map(
            ws -> {
              ws.throttle(vertx, bytesPerSecond);
              return reader;
            });
  }

  synchronized void reset(long base) {
    this.base = base;
    received.clear();
    gaps = 0;
    announced = 0;
  }

  private synchronized void onMessage(byte[] frame, int from, int to) {
    if (!FrameScan.isEvent(frame, from, to)) {
      JsonObject message =
          new JsonObject(new String(frame, from, to - from, StandardCharsets.UTF_8));
      if ("gap".equals(message.getString("type"))) {
        gaps++;
        announced += message.getLong("count", 0L);
      }
      return;
    }
    long index = FrameScan.idNumber(frame, from, to) - base;
    if (index >= 0 && index <= Integer.MAX_VALUE) {
      received.computeIfAbsent(severityOf(index + base), s -> new BitSet()).set((int) index);
    }
  }

  private static String severityOf(long n) {
    return EventFactory.SEVERITIES[(int) (n % EventFactory.SEVERITIES.length)];
  }

  /** Distinct events of {@code severity} received this round. */
  synchronized int received(String severity) {
    BitSet seen = received.get(severity);
    return seen == null ? 0 : seen.cardinality();
  }

  /** Distinct events received this round, plus those announced missed: what has settled. */
  synchronized long settled() {
    long total = announced;
    for (BitSet seen : received.values()) {
      total += seen.cardinality();
    }
    return total;
  }

  long gaps() {
    return gaps;
  }

  long announced() {
    return announced;
  }

  /** The server's close code, or 0 while open. */
  short closeCode() {
    return closeCode;
  }
}
