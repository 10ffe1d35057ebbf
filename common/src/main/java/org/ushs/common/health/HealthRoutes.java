package org.ushs.common.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (it can serve: the
 * readiness given, and a heap that is not full after garbage collection, see {@link HeapCheck}).
 */
public final class HealthRoutes {

  private HealthRoutes() {}

  public static void mount(Router router, Readiness readiness) {
    mount(router, readiness, HeapCheck.ofThisJvm());
  }

  /** The same with another heap check (tests). */
  public static void mount(Router router, Readiness nodeReadiness, HeapCheck heap) {
    Readiness readiness = heap.guarding(nodeReadiness);
    router.get("/health/live").handler(ctx -> send(ctx, 200, new JsonObject().put("status", "UP")));
    router
        .get("/health/ready")
        .handler(
            ctx ->
                readiness
                    .check()
                    .onSuccess(details -> send(ctx, 200, details.copy().put("status", "UP")))
                    .onFailure(
                        failure ->
                            send(
                                ctx,
                                503,
                                new JsonObject()
                                    .put("status", "DOWN")
                                    .put("reason", String.valueOf(failure.getMessage())))));
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.toBuffer());
  }
}
