package org.ushs.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The publish side's meters: events ingested (newly logged), acknowledged (retries included), the
 * size of each group-commit append, and publishes refused by status. Thread-safe.
 */
final class IngestMetrics {

  private final MeterRegistry registry;
  private final Counter ingested;
  private final Counter acked;
  private final DistributionSummary appendSize;

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.ingested =
        Counter.builder("ushs.events.ingested")
            .description("Events newly appended to the replay log by this node")
            .register(registry);
    this.acked =
        Counter.builder("ushs.events.acked")
            .description("Events acknowledged by this node, retried publishes included")
            .register(registry);
    this.appendSize =
        DistributionSummary.builder("ushs.log.append.events")
            .description("Events per group-commit append")
            .register(registry);
    rejected(400, 0);
    rejected(503, 0);
  }

  void appended(int events) {
    ingested.increment(events);
    appendSize.record(events);
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
