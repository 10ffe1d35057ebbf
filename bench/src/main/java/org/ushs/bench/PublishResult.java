package org.ushs.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a round published: events {@code [firstN, endN)} were sent, {@code acked} of them were
 * acknowledged (202) and make {@code expectedDeliveries}; the ack latency of each request in
 * microseconds.
 */
record PublishResult(
    long firstN,
    long endN,
    long acked,
    long failed,
    List<Long> ackedPerService,
    long expectedDeliveries,
    long startNanos,
    long endNanos,
    Histogram ackLatency,
    String firstFailure) {

  PublishResult {
    ackedPerService = List.copyOf(ackedPerService);
  }

  double seconds() {
    return (endNanos - startNanos) / 1e9;
  }
}
