package org.ushs.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.CredentialSources;
import org.ushs.common.auth.Principal;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.health.HealthRoutes;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.connection.ConnectionLimits;
import org.ushs.gateway.order.GapFiller;
import org.ushs.gateway.order.Sequencer;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ServerMessages;

/**
 * The client side: WebSocket {@code /ushs/v1/ws} with authentication at the handshake, and the live
 * fan-out. One instance per event loop, each with its own bus consumer, ordering, hub and
 * heartbeat; the connection limits are shared by the node's instances.
 */
public final class GatewayVerticle extends VerticleBase {

  static final String PATH = "/ushs/v1/ws";
  private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

  private final GatewaySettings settings;
  private final Authenticator authenticator;
  private final LogReader logReader;
  private final Readiness readiness;
  private final ConnectionLimits limits;
  private final Hub hub = new Hub();
  private Sequencer sequencer;
  private GapFiller gapFiller;
  private Heartbeat heartbeat;
  private GoAway goAway;
  private HttpServer server;

  public GatewayVerticle(
      GatewaySettings settings,
      Authenticator authenticator,
      LogReader logReader,
      Readiness readiness,
      ConnectionLimits limits) {
    this.settings = settings;
    this.authenticator = authenticator;
    this.logReader = logReader;
    this.readiness = readiness;
    this.limits = limits;
  }

  @Override
  public Future<?> start() {
    sequencer = new Sequencer(hub::dispatch);
    gapFiller = new GapFiller(vertx, logReader, sequencer, settings.gapWait());
    heartbeat = new Heartbeat(vertx, hub, settings.pingInterval());
    goAway = new GoAway(vertx, logReader, gapFiller, sequencer, hub, settings.shutdownSpread());
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, readiness);
    server =
        vertx
            .createHttpServer(GatewayServerOptions.of(settings))
            .webSocketHandshakeHandler(this::handshake)
            .requestHandler(router);
    return vertx
        .eventBus()
        .<EventBatch>consumer(Addresses.EVENTS, message -> gapFiller.onLive(message.body()))
        .completion()
        .onSuccess(
            registered -> {
              gapFiller.start();
              heartbeat.start();
            })
        .compose(registered -> server.listen(settings.port()));
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
                          Channels.removeIdleTimeout(ws);
                          if (auth.succeeded()) {
                            open(ws, auth.result(), query);
                          } else {
                            refuse(ws, auth.cause(), handshake);
                          }
                        }));
  }

  /** A session within the connection limits; otherwise close 1013 naming the limit. */
  private void open(ServerWebSocket ws, Principal principal, ConnectQuery query) {
    if (goAway.started()) {
      ws.close((short) ErrorCode.GOING_AWAY.code, ErrorCode.GOING_AWAY.message);
      return;
    }
    Optional<String> refusal = limits.admit(principal.id());
    if (refusal.isPresent()) {
      ws.close((short) ErrorCode.CONNECTION_LIMIT.code, refusal.get());
      return;
    }
    Connection connection = new Connection(vertx, ws, settings);
    connection.closed().onComplete(closed -> limits.release(principal.id()));
    new Session(vertx, principal, hub, connection).open(query);
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

  /**
   * The gateway's graceful shutdown: delivers what the log holds so far, then stops accepting (the
   * port closes once every instance has stopped), closes every session with 1001 {@code going away}
   * spread over {@code USHS_SHUTDOWN_SPREAD}, and completes once every connection is closed, within
   * the spread plus the close wait.
   */
  public Future<Void> goAway() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> goAway.run(server).onComplete(done));
    return done.future();
  }

  @Override
  public Future<?> stop() {
    if (heartbeat != null) {
      heartbeat.stop();
    }
    if (gapFiller != null) {
      gapFiller.stop();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }
}
