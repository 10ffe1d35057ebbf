package org.ushs.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.UUID;
import org.ushs.common.metrics.Telemetry;

/**
 * The node's meter registry (Prometheus), tagged {@code node=<cluster address:port>}: Vert.x's own
 * meters (HTTP, pools, JVM; not the event bus's) through vertx-micrometer-metrics, and USHS's,
 * which the verticles register through {@link #telemetry()}. One per node; nodes in one JVM do not
 * share.
 */
final class NodeTelemetry {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // vertx-micrometer-metrics keeps backends in a static map by name: one name per node
  private final String registryName = "ushs-" + UUID.randomUUID();

  NodeTelemetry(String node) {
    registry.config().commonTags("node", node);
  }

  /** {@code options} with Vert.x metrics on, into this registry. */
  VertxOptions apply(VertxOptions options) {
    return options.setMetricsOptions(
        new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            // per-message meters on every bus hop cost several percent of the CPU of each event;
            // the log path has USHS's own series
            .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
            .setRegistryName(registryName));
  }

  /**
   * Vert.x's metrics into this registry, each HTTP request ended once ({@link OneEndPerRequest}).
   */
  VertxMetricsFactory factory() {
    return new ExactRequestMetrics(new MicrometerMetricsFactory(registry));
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  Telemetry telemetry() {
    return new Telemetry(registry, registry::scrape);
  }
}
