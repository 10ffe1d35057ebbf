package org.ushs.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.bus.Addresses;
import org.ushs.common.config.IngestSettings;
import org.ushs.common.health.HealthRoutes;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.Partitioner;
import org.ushs.common.log.writer.WriteRefused;
import org.ushs.common.log.writer.WriterClient;
import org.ushs.common.metrics.MetricsRoute;
import org.ushs.common.metrics.Telemetry;
import org.ushs.common.net.IpConnections;
import org.ushs.common.net.LogText;
import org.ushs.common.net.RefusalLog;
import org.ushs.common.net.SharedPort;

/**
 * The publish side, one instance per event loop ({@link #instances}): {@code POST /ushs/v1/events}
 * (structured, binary and batch CloudEvents) and, on the first instance, the bus address {@code
 * ushs.ingest}. Acknowledges only what is in the replay log. Also serves the node's {@code GET
 * /metrics}.
 */
public final class IngestVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(IngestVerticle.class.getName());

  /** What the instances of one node share: their settings, bounds, meters and refusal log. */
  private record Shared(
      IngestSettings settings,
      PublishAuth auth,
      WriterClient writer,
      Readiness readiness,
      Telemetry telemetry,
      IngestMetrics metrics,
      IpConnections limits,
      RefusalLog refusals,
      SharedPort port) {}

  private final Shared shared;
  private final IngestSettings settings;
  private final IngestMetrics metrics;
  private final RefusalLog refusals;
  private final boolean takesBus;
  private final InFlight inFlight = new InFlight();
  private EventIntake intake;
  private PublishConnections connections;
  private HttpServer server;
  private MessageConsumer<Object> busConsumer;

  private IngestVerticle(Shared shared, boolean takesBus) {
    this.shared = shared;
    this.settings = shared.settings();
    this.metrics = shared.metrics();
    this.refusals = shared.refusals();
    this.takesBus = takesBus;
  }

  /**
   * The instances of a node's publish side, one per event loop ({@link IngestSettings#instances}):
   * Vert.x spreads the HTTP connections of the shared port over them, so decoding and validating
   * publishes use every core. They share the connection bounds and the meters. Only the first takes
   * publishes from the event bus, so that a bus publisher's events are logged in the order it sent
   * them. One supplier per deployment.
   */
  public static Supplier<IngestVerticle> instances(
      IngestSettings settings,
      Authenticator authenticator,
      WriterClient writer,
      Readiness readiness,
      Telemetry telemetry) {
    Shared shared =
        new Shared(
            settings,
            new PublishAuth(authenticator, settings.busRequiresCredentials()),
            writer,
            readiness,
            telemetry,
            new IngestMetrics(telemetry.registry()),
            new IpConnections(settings.maxConnectionsPerIp(), settings.maxConnections()),
            new RefusalLog(LOG),
            new SharedPort(settings.bindHost(), settings.port()));
    AtomicBoolean busTaken = new AtomicBoolean();
    return () -> new IngestVerticle(shared, !busTaken.getAndSet(true));
  }

  @Override
  public Future<?> start() {
    intake = new EventIntake(shared.writer(), Partitioner.SINGLE, metrics);
    connections = new PublishConnections(vertx, settings, shared.limits(), refusals);
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, shared.readiness());
    MetricsRoute.mount(router, vertx, shared.telemetry());
    router
        .post("/ushs/v1/events")
        .handler(BodyHandler.create(false).setBodyLimit(settings.maxBody()))
        .handler(this::publish);
    router.route().failureHandler(new RouteFailures(settings.maxBody(), metrics, refusals));
    server =
        vertx
            .createHttpServer(IngestServerOptions.of(settings))
            .connectionHandler(connections::opened)
            .invalidRequestHandler(RouteFailures.invalidRequests(refusals))
            .exceptionHandler(
                failure ->
                    refusals.refused(
                        "connection error",
                        "publish port refused (connection error): "
                            + failure.getClass().getSimpleName()))
            .requestHandler(
                request -> {
                  if (connections.headReceived(request)) {
                    router.handle(request);
                  }
                });
    return takeBusPublishes().compose(registered -> shared.port().listen(server));
  }

  /** Registers the bus address on the instance that takes it; the others have nothing to do. */
  private Future<Void> takeBusPublishes() {
    if (!takesBus) {
      return Future.succeededFuture();
    }
    busConsumer = vertx.eventBus().consumer(Addresses.INGEST, this::publishFromBus);
    return busConsumer.completion();
  }

  /** The port the publish API listens on (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private void publish(RoutingContext ctx) {
    connections.bodyReceived(ctx.request());
    inFlight
        .track(
            shared
                .auth()
                .http(ctx.request().headers())
                .compose(
                    permissions ->
                        intake.accept(
                            CloudEventDecoder.decode(ctx.request().headers(), ctx.body().buffer()),
                            permissions)))
        .onSuccess(ack -> respond(ctx, 202, "application/json", ack))
        .onFailure(failure -> respondFailure(ctx, failure));
  }

  private void publishFromBus(Message<Object> message) {
    inFlight
        .track(
            shared
                .auth()
                .bus(message.headers())
                .compose(
                    permissions ->
                        intake.accept(CloudEventDecoder.decode(message.body()), permissions)))
        .onSuccess(message::reply)
        .onFailure(
            failure -> {
              JsonObject problem = problemOf(failure);
              metrics.rejected(problem.getInteger("status"));
              message.fail(problem.getInteger("status"), problem.encode());
            });
  }

  private void respondFailure(RoutingContext ctx, Throwable failure) {
    JsonObject problem = problemOf(failure);
    metrics.rejected(problem.getInteger("status"));
    if (failure instanceof AuthFailure) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    respond(ctx, problem.getInteger("status"), Problems.MEDIA_TYPE, problem);
  }

  private JsonObject problemOf(Throwable failure) {
    if (failure instanceof InvalidEvents invalid) {
      return Problems.invalid(invalid.problems());
    }
    if (failure instanceof AuthFailure auth) {
      String kind = "publish " + auth.kind().httpStatus;
      refusals.refused(
          kind,
          "publish port refused ("
              + kind
              + "): "
              + LogText.safe(auth.getMessage())
              + (auth.identity() == null ? "" : " identity " + LogText.safe(auth.identity())));
      int status = auth.kind().httpStatus;
      return Problems.of(status, status == 403 ? "Forbidden" : "Unauthorized", auth.getMessage());
    }
    if (failure instanceof WriteRefused refused) {
      var refusal = refused.refusal();
      return Problems.of(refusal.httpStatus, refusal.title, refused.getMessage());
    }
    LOG.log(Level.WARNING, "publish failed: {0}", failure.toString());
    return Problems.of(503, "Log unavailable", "the event was not logged; retry with the same id");
  }

  private static void respond(RoutingContext ctx, int status, String type, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(body.toBuffer());
  }

  /**
   * The publish side's graceful shutdown: stops taking publishes (the HTTP port closes once every
   * instance has stopped, the bus address is unregistered), and completes once every publish in
   * progress is logged and acknowledged, or fails after {@code timeoutMs}.
   */
  public Future<Void> drain(long timeoutMs) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        v -> {
          Future<Void> closing = server.shutdown(timeoutMs, TimeUnit.MILLISECONDS);
          Future<Void> unregistered =
              busConsumer == null ? Future.succeededFuture() : busConsumer.unregister();
          unregistered
              .compose(none -> inFlight.idle())
              .timeout(timeoutMs, TimeUnit.MILLISECONDS)
              .compose(idle -> closing)
              .onComplete(done);
        });
    return done.future();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
