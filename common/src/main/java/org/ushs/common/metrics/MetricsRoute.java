package org.ushs.common.metrics;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** {@code GET /metrics}: the node's meters in the Prometheus text exposition format 0.0.4. */
public final class MetricsRoute {

  /** The media type Prometheus asks for. */
  public static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsRoute() {}

  public static void mount(Router router, Vertx vertx, Telemetry telemetry) {
    router
        .get("/metrics")
        .handler(
            ctx ->
                vertx
                    .executeBlocking(telemetry.scrape()::get, false)
                    .onSuccess(
                        text ->
                            ctx.response()
                                .putHeader("Content-Type", MEDIA_TYPE)
                                .putHeader("Cache-Control", "no-store")
                                .end(text))
                    .onFailure(ctx::fail));
  }
}
