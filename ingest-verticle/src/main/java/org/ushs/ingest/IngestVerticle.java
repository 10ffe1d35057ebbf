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

/**
 * The publish side: {@code POST /ushs/v1/events} (structured, binary and batch CloudEvents) and the
 * bus address {@code ushs.ingest}. Acknowledges only what is in the replay log. Also serves the
 * node's {@code GET /metrics}.
 */
public final class IngestVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(IngestVerticle.class.getName());
  private final RefusalLog refusals = new RefusalLog(LOG);

  private final IngestSettings settings;
  private final PublishAuth auth;
  private final WriterClient writer;
  private final Readiness readiness;
  private final Telemetry telemetry;
  private final IngestMetrics metrics;
  private final InFlight inFlight = new InFlight();
  private EventIntake intake;
  private PublishConnections connections;
  private HttpServer server;
  private MessageConsumer<Object> busConsumer;

  public IngestVerticle(
      IngestSettings settings,
      Authenticator authenticator,
      WriterClient writer,
      Readiness readiness,
      Telemetry telemetry) {
    this.settings = settings;
    this.auth = new PublishAuth(authenticator, settings.busRequiresCredentials());
    this.writer = writer;
    this.readiness = readiness;
    this.telemetry = telemetry;
    this.metrics = new IngestMetrics(telemetry.registry());
  }

  @Override
  public Future<?> start() {
    intake = new EventIntake(writer, Partitioner.SINGLE, metrics);
    connections =
        new PublishConnections(
            vertx,
            settings,
            new IpConnections(settings.maxConnectionsPerIp(), settings.maxConnections()),
            refusals);
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, readiness);
    MetricsRoute.mount(router, vertx, telemetry);
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
    busConsumer = vertx.eventBus().consumer(Addresses.INGEST, this::publishFromBus);
    return busConsumer.completion().compose(registered -> server.listen(settings.port()));
  }

  /** The port the publish API listens on (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private void publish(RoutingContext ctx) {
    connections.bodyReceived(ctx.request());
    inFlight
        .track(
            auth.http(ctx.request().headers())
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
            auth.bus(message.headers())
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
          busConsumer
              .unregister()
              .compose(unregistered -> inFlight.idle())
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
