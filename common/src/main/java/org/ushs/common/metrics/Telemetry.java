package org.ushs.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;

/**
 * What a verticle needs for metrics: the node's registry, to count in, and the node's scrape, to
 * serve on {@code GET /metrics} (Prometheus text format). One per node, shared by its verticles.
 *
 * @param registry where meters are registered; tagged with the node by whoever made it
 * @param scrape every meter of the node in Prometheus text format; may block briefly
 */
public record Telemetry(MeterRegistry registry, Supplier<String> scrape) {

  /** Counts into a private registry and serves nothing: for tests that do not read metrics. */
  public static Telemetry none() {
    return new Telemetry(new SimpleMeterRegistry(), () -> "");
  }
}
