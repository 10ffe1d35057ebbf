package org.ushs.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.Router;
import java.util.Optional;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Principal;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.health.HealthRoutes;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.connection.ConnectionLimits;
import org.ushs.gateway.connection.HistoryAdmission;
import org.ushs.gateway.order.GapFiller;
import org.ushs.gateway.order.Sequencer;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.resume.IdIndex;
import org.ushs.gateway.resume.RecentEvents;
import org.ushs.gateway.resume.ReplayGate;
import org.ushs.gateway.resume.Replays;
import org.ushs.gateway.security.GatewaySecurity;
import org.ushs.gateway.security.HandshakeLog;
import org.ushs.gateway.ui.UiRoutes;

/**
 * The client side: WebSocket {@code /ushs/v1/ws} (over TLS when configured) with the origin check
 * and authentication at the handshake ({@link GatewaySecurity}), and the live fan-out. One instance
 * per event loop, each with its own bus consumer, ordering, hub and heartbeat; the connection
 * limits are shared by the node's instances.
 */
public final class GatewayVerticle extends VerticleBase {

  static final String PATH = "/ushs/v1/ws";

  /** Deliveries per event-loop task at most: about 0.1 s of fan-out (see FanOut). */
  static final int FAN_OUT_SLICE = 100_000;

  /** At most this many of the newest events are kept in memory for resumes (see RecentEvents). */
  static final int RECENT_EVENTS = 50_000;

  private final GatewaySettings settings;
  private final GatewaySecurity security;
  private final LogReader logReader;
  private final Readiness readiness;
  private final ReplaySettings retention;
  private final GatewayMetrics metrics;
  private final ConnectionLimits limits;
  private final Hub hub = new Hub();
  private Flusher flusher;
  private Replays replays;
  private FanOut fanOut;
  private Sequencer sequencer;
  private GapFiller gapFiller;
  private Heartbeat heartbeat;
  private GoAway goAway;
  private HttpServer server;

  public GatewayVerticle(
      GatewaySettings settings,
      GatewaySecurity security,
      LogReader logReader,
      Readiness readiness,
      ReplaySettings retention,
      GatewayMetrics metrics,
      ConnectionLimits limits) {
    this.settings = settings;
    this.security = security;
    this.logReader = logReader;
    this.readiness = readiness;
    this.retention = retention;
    this.metrics = metrics;
    this.limits = limits;
  }

  @Override
  public Future<?> start() {
    flusher = new Flusher(context);
    IdIndex ids = new IdIndex(retention.capacity());
    RecentEvents recent = RecentEvents.of(retention, RECENT_EVENTS);
    ReplayGate gate = new ReplayGate(settings.replaysPerInstance());
    replays = new Replays(context, logReader, ids, recent, gate, metrics);
    fanOut =
        new FanOut(
            context,
            event -> {
              ids.put(event.keys().id(), event.sequence());
              recent.add(event);
              int sent = hub.dispatch(event);
              metrics.delivered(sent);
              return sent;
            },
            FAN_OUT_SLICE);
    sequencer = new Sequencer(fanOut);
    gapFiller = new GapFiller(vertx, logReader, sequencer, settings.gapWait());
    metrics.countGapFills(gapFiller::filled);
    heartbeat = new Heartbeat(vertx, hub, settings.pingInterval());
    goAway = new GoAway(vertx, logReader, gapFiller, fanOut, hub, settings.shutdownSpread());
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, readiness);
    UiRoutes.mount(router, settings.ui());
    server =
        vertx
            .createHttpServer(security.apply(GatewayServerOptions.of(settings)))
            .webSocketHandshakeHandler(this::handshake)
            .exceptionHandler(HandshakeLog::connectionFailed)
            .requestHandler(router);
    return vertx
        .eventBus()
        .<EventBatch>consumer(
            Addresses.EVENTS,
            message -> {
              recent.logReached(message.body().next() - 1);
              gapFiller.onLive(message.body());
            })
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
      HandshakeLog.refused(handshake, "unknown path (404)", null);
      handshake.reject(404);
      return;
    }
    if (!security.originAllowed(handshake)) {
      HandshakeLog.refused(handshake, "origin not allowed (403)", null);
      handshake.reject(403);
      return;
    }
    ConnectQuery query = ConnectQuery.parse(handshake.query());
    String lastEventId = handshake.headers().get("Last-Event-ID");
    String resumeFrom = lastEventId != null ? lastEventId : query.first("lastEventId");
    security
        .authenticate(handshake, query.parameters())
        .onComplete(
            auth -> {
              AuthFailure refusal = auth.succeeded() ? null : refusal(auth.cause(), handshake);
              handshake
                  .accept()
                  .onSuccess(
                      ws -> {
                        Channels.removeIdleTimeout(ws);
                        if (refusal == null) {
                          open(ws, auth.result(), query, resumeFrom);
                        } else {
                          refuse(ws, refusal);
                        }
                      });
            });
  }

  /** A session within the connection limits; otherwise close 1013 naming the limit. */
  private void open(
      ServerWebSocket ws, Principal principal, ConnectQuery query, String resumeFrom) {
    if (goAway.started()) {
      ws.close((short) ErrorCode.GOING_AWAY.code, ErrorCode.GOING_AWAY.message);
      return;
    }
    if (HistoryAdmission.refused(ws, readiness)) {
      return;
    }
    Optional<String> refusal = limits.admit(principal.id());
    if (refusal.isPresent()) {
      ws.close((short) ErrorCode.CONNECTION_LIMIT.code, refusal.get());
      return;
    }
    Connection connection = new Connection(vertx, ws, settings, metrics, flusher, principal.id());
    connection.closed().onComplete(closed -> limits.release(principal.id()));
    new Session(vertx, principal, hub, connection, security.authenticator(), replays)
        .open(query, resumeFrom);
  }

  /** The failure as the client will see it; logged here, once, even if the client is gone. */
  private static AuthFailure refusal(Throwable failure, ServerWebSocketHandshake handshake) {
    AuthFailure auth =
        failure instanceof AuthFailure known ? known : AuthFailure.invalid("invalid credentials");
    HandshakeLog.refused(handshake, auth.kind().wsCode + " " + auth.getMessage(), auth.identity());
    return auth;
  }

  private static void refuse(ServerWebSocket ws, AuthFailure auth) {
    ErrorCode code =
        auth.kind() == AuthFailure.Kind.MISSING ? ErrorCode.AUTH_REQUIRED : ErrorCode.UNAUTHORIZED;
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
