package org.ushs.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/** What one lane's subscribers received in a round. Latencies in microseconds. */
record LaneResult(
    long deliveries,
    long bytes,
    long lost,
    long duplicates,
    long outOfOrder,
    long strays,
    long closed,
    long lastDeliveryNanos,
    Histogram latency,
    List<Subscriber> replays) {

  static LaneResult merge(List<LaneResult> lanes) {
    Histogram latency = new Histogram(Lane.MAX_LATENCY_MICROS, 3);
    long deliveries = 0;
    long bytes = 0;
    long lost = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    long strays = 0;
    long closed = 0;
    long last = 0;
    List<Subscriber> replays = new java.util.ArrayList<>();
    for (LaneResult lane : lanes) {
      latency.add(lane.latency);
      deliveries += lane.deliveries;
      bytes += lane.bytes;
      lost += lane.lost;
      duplicates += lane.duplicates;
      outOfOrder += lane.outOfOrder;
      strays += lane.strays;
      closed += lane.closed;
      last =
          lane.deliveries > 0 && (last == 0 || lane.lastDeliveryNanos - last > 0)
              ? lane.lastDeliveryNanos
              : last;
      replays.addAll(lane.replays);
    }
    return new LaneResult(
        deliveries, bytes, lost, duplicates, outOfOrder, strays, closed, last, latency, replays);
  }
}
