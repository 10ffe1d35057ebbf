package org.ushs.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The publish side's meters: events acknowledged (retries included) and publishes refused by
 * status. (Events newly logged are counted by the log's writer.) Thread-safe.
 */
final class IngestMetrics {

  private final MeterRegistry registry;
  private final Counter acked;

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.acked =
        Counter.builder("ushs.events.acked")
            .description("Events acknowledged by this node, retried publishes included")
            .register(registry);
    rejected(400, 0);
    rejected(503, 0);
  }

  void acked(int events) {
    acked.increment(events);
  }

  void rejected(int status) {
    rejected(status, 1);
  }

  private void rejected(int status, int count) {
    Counter.builder("ushs.publish.rejected")
        .description("Publishes refused, by HTTP status (event-bus publishes by failure code)")
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment(count);
  }
}
