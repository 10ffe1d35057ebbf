package org.ushs.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.Router;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.CredentialSources;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.health.HealthRoutes;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.order.GapFiller;
import org.ushs.gateway.order.Sequencer;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.resume.IdIndex;
import org.ushs.gateway.resume.ReplayGate;
import org.ushs.gateway.resume.Replays;

/**
 * The client side: WebSocket {@code /ushs/v1/ws} with authentication at the handshake, and the live
 * fan-out. One instance per event loop, each with its own bus consumer, ordering and hub.
 */
public final class GatewayVerticle extends VerticleBase {

  static final String PATH = "/ushs/v1/ws";
  private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

  private final GatewaySettings settings;
  private final Authenticator authenticator;
  private final LogReader logReader;
  private final Readiness readiness;
  private final int idIndexCapacity;
  private final GatewayMetrics metrics;
  private final Hub hub = new Hub();
  private Replays replays;
  private GapFiller gapFiller;
  private HttpServer server;

  public GatewayVerticle(
      GatewaySettings settings,
      Authenticator authenticator,
      LogReader logReader,
      Readiness readiness,
      int idIndexCapacity,
      GatewayMetrics metrics) {
    this.settings = settings;
    this.authenticator = authenticator;
    this.logReader = logReader;
    this.readiness = readiness;
    this.idIndexCapacity = idIndexCapacity;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    IdIndex ids = new IdIndex(idIndexCapacity);
    replays = new Replays(logReader, ids, new ReplayGate(settings.replaysPerInstance()), metrics);
    Sequencer sequencer =
        new Sequencer(
            event -> {
              ids.put(event.keys().id(), event.sequence());
              hub.dispatch(event);
            });
    gapFiller = new GapFiller(vertx, logReader, sequencer, settings.gapWait());
    metrics.countGapFills(gapFiller::filled);
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, readiness);
    server =
        vertx
            .createHttpServer(serverOptions())
            .webSocketHandshakeHandler(this::handshake)
            .requestHandler(router);
    return vertx
        .eventBus()
        .<EventBatch>consumer(Addresses.EVENTS, message -> gapFiller.onLive(message.body()))
        .completion()
        .onSuccess(registered -> gapFiller.start())
        .compose(registered -> server.listen(settings.port()));
  }

  private HttpServerOptions serverOptions() {
    return new HttpServerOptions()
        .setHost(settings.bindHost())
        .setMaxWebSocketFrameSize(settings.maxFrame())
        .setMaxWebSocketMessageSize(settings.maxFrame())
        .setRegisterWebSocketWriteHandlers(false);
  }

  /** The port the gateway listens on (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private void handshake(ServerWebSocketHandshake handshake) {
    if (!PATH.equals(handshake.path())) {
      handshake.reject(404);
      return;
    }
    ConnectQuery query = ConnectQuery.parse(handshake.query());
    String lastEventId = handshake.headers().get("Last-Event-ID");
    String resumeFrom = lastEventId != null ? lastEventId : query.first("lastEventId");
    CredentialSources.bearer(handshake.headers())
        .map(authenticator::authenticate)
        .orElseGet(
            () ->
                Future.failedFuture(
                    new AuthFailure(AuthFailure.Kind.MISSING, "Authentication required")))
        .onComplete(
            auth ->
                handshake
                    .accept()
                    .onSuccess(
                        ws -> {
                          if (auth.succeeded()) {
                            new Session(vertx, ws, auth.result(), hub, replays)
                                .open(query, resumeFrom);
                          } else {
                            refuse(ws, auth.cause(), handshake);
                          }
                        }));
  }

  private static void refuse(ServerWebSocket ws, Throwable failure, ServerWebSocketHandshake hs) {
    AuthFailure auth =
        failure instanceof AuthFailure known
            ? known
            : new AuthFailure(AuthFailure.Kind.INVALID, "invalid credentials");
    ErrorCode code =
        auth.kind() == AuthFailure.Kind.MISSING ? ErrorCode.AUTH_REQUIRED : ErrorCode.UNAUTHORIZED;
    LOG.log(
        Level.INFO,
        "refused connection from {0}: {1}",
        new Object[] {hs.remoteAddress(), auth.getMessage()});
    ws.writeFrame(Frames.text(ServerMessages.error(code, auth.getMessage(), null, null)));
    ws.close((short) code.code, auth.getMessage());
  }

  @Override
  public Future<?> stop() {
    if (gapFiller != null) {
      gapFiller.stop();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }
}
