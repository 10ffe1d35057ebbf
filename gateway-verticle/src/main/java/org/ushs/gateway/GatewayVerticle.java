package org.ushs.gateway;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Principal;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.EventFeed;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.health.HealthRoutes;
import org.ushs.common.health.Readiness;
import org.ushs.common.log.LogReader;
import org.ushs.common.net.SharedPort;
import org.ushs.gateway.connection.ConnectionLimits;
import org.ushs.gateway.connection.HistoryAdmission;
import org.ushs.gateway.connection.OutboundQueue;
import org.ushs.gateway.order.GapFiller;
import org.ushs.gateway.order.LiveGaps;
import org.ushs.gateway.order.Sequencer;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ProtocolError;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.resume.IdIndex;
import org.ushs.gateway.resume.LogResumeLog;
import org.ushs.gateway.resume.RecentEvents;
import org.ushs.gateway.resume.ReplayGate;
import org.ushs.gateway.resume.Replays;
import org.ushs.gateway.resume.ResumePoint;
import org.ushs.gateway.security.GatewaySecurity;
import org.ushs.gateway.security.HandshakeLog;
import org.ushs.gateway.security.IpGate;
import org.ushs.gateway.subscription.SubscriptionLimits;
import org.ushs.gateway.transport.ws.WebSocketTransport;
import org.ushs.gateway.ui.UiRoutes;

/**
 * The client side: WebSocket {@code /ushs/v1/ws} (over TLS when configured) with the origin check
 * and authentication at the handshake ({@link GatewaySecurity}), and the live fan-out. One instance
 * per event loop, each with its own ordering, hub and heartbeat; the node's one {@link EventFeed}
 * hands each instance every event batch, and the connection limits and the port are shared by the
 * instances.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

  static final String PATH = "/ushs/v1/ws";

  /** Deliveries per event-loop task at most: about 0.1 s of fan-out (see FanOut). */
  static final int FAN_OUT_SLICE = 100_000;

  /** At most this many of the newest events are kept in memory for resumes (see RecentEvents). */
  static final int RECENT_EVENTS = 50_000;

  private final GatewaySettings settings;
  private final GatewaySecurity security;
  private final LogReader logReader;
  private final EventFeed feed;
  private EventFeed.Listening live;
  private final Readiness readiness;
  private final ReplaySettings retention;
  private final GatewayMetrics metrics;
  private final ConnectionLimits limits;
  private final SharedPort port;
  private final Hub hub = new Hub();
  private WebSocketTransport transport;
  private Replays replays;
  private LogResumeLog resumeLog;
  private SessionContext sessions;
  private FanOut fanOut;
  private Sequencer sequencer;
  private GapFiller gapFiller;
  private Heartbeat heartbeat;
  private DrainAndDismiss drainAndDismiss;
  private HttpServer server;
  private IpGate ipGate;

  public GatewayVerticle(
      GatewaySettings settings,
      GatewaySecurity security,
      LogReader logReader,
      EventFeed feed,
      Readiness readiness,
      ReplaySettings retention,
      GatewayMetrics metrics,
      ConnectionLimits limits,
      SharedPort port) {
    this.settings = settings;
    this.security = security;
    this.logReader = logReader;
    this.feed = feed;
    this.readiness = readiness;
    this.retention = retention;
    this.metrics = metrics;
    this.limits = limits;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    transport = new WebSocketTransport(context, metrics, settings.writeDelay());
    IdIndex ids = new IdIndex(retention.capacity());
    RecentEvents recent = RecentEvents.of(retention, RECENT_EVENTS);
    LiveGaps liveGaps = new LiveGaps(this::announceGap);
    resumeLog = new LogResumeLog(logReader);
    fanOut = new FanOut(context, event -> handOut(event, ids, recent, liveGaps), FAN_OUT_SLICE);
    ReplayGate gate = new ReplayGate(settings.replaysPerInstance());
    replays =
        new Replays(
            context, logReader, resumeLog, ids, recent, gate, metrics, () -> fanOut.next() - 1);
    sessions =
        new SessionContext(
            replays,
            new SubscriptionLimits(settings.maxSubscriptions(), settings.maxSelectors()),
            readiness);
    sequencer = new Sequencer(fanOut, liveGaps);
    gapFiller = new GapFiller(vertx, logReader, sequencer, settings.gapWait(), () -> live.awake());
    metrics.countGapFills(gapFiller::filled);
    heartbeat = new Heartbeat(vertx, hub, settings.pingInterval());
    drainAndDismiss =
        new DrainAndDismiss(vertx, logReader, gapFiller, fanOut, hub, settings.shutdownSpread());
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, readiness);
    UiRoutes.mount(router, settings.ui());
    ipGate = new IpGate(limits.ips());
    HttpServerOptions options = security.apply(GatewayServerOptions.of(settings));
    server =
        vertx
            .createHttpServer(options)
            .connectionHandler(
                connection -> {
                  ipGate.opened(
                      connection, action -> WebSocketTransport.onSocketClosed(connection, action));
                  WebSocketTransport.opened(connection, options);
                })
            .webSocketHandshakeHandler(this::handshake)
            .exceptionHandler(HandshakeLog::connectionFailed)
            .requestHandler(request -> request(router, request));
    live =
        feed.listen(
            context,
            batch -> onBatch(batch, ids, recent, liveGaps),
            hub::occupied,
            () -> restart(ids, recent, liveGaps));
    gapFiller.start();
    heartbeat.start();
    return resumeLog.start().compose(known -> port.listen(server));
  }

  /**
   * After the node stopped receiving events for want of clients: the stream starts afresh at the
   * log's tail, as at start, and what this instance remembers of it is forgotten (resumes read the
   * log). Runs while no session is open here, before the client that woke the feed gets its 101.
   */
  private Future<Void> restart(IdIndex ids, RecentEvents recent, LiveGaps gaps) {
    return resumeLog
        .start()
        .compose(known -> logReader.newest())
        .map(
            newest -> {
              // from the tail, even backwards: the log may have started over (a new epoch) while
              // this node slept, and no session here can have seen what a restart may repeat
              streamFrom(newest + 1, ids, recent, gaps);
              return null;
            });
  }

  private void onBatch(EventBatch batch, IdIndex ids, RecentEvents recent, LiveGaps gaps) {
    if (resumeLog.replaced(batch.epoch())) {
      return; // late, from a log that has started over since: its events are gone with it
    }
    if (resumeLog.startsOver(batch.epoch())) {
      startOver(batch, ids, recent, gaps);
    }
    resumeLog.observed(batch.epoch());
    recent.logReached(batch.next() - 1);
    gapFiller.onLive(batch);
  }

  /**
   * The log started over while clients were here: every copy of it was lost, and a new epoch counts
   * from 0 again. Live delivery never goes back in sequence, and what the clients were owed of the
   * old log is gone, so each is sent away (1001) to resume by its position, which is then answered
   * {@code recovered:false} with the new epoch: told, not silently starved.
   */
  private void startOver(EventBatch batch, IdIndex ids, RecentEvents recent, LiveGaps gaps) {
    if (!hub.sessions().isEmpty()) {
      LOG.log(
          Level.WARNING,
          "the log started over (epoch {0}, was {1}): {2} clients sent away to resume",
          new Object[] {batch.epoch(), resumeLog.epoch(), hub.sessions().size()});
      drainAndDismiss.sendAway("the log started over");
    }
    streamFrom(batch.first(), ids, recent, gaps);
  }

  /** The live stream starts afresh at {@code sequence}: what was known of the log before goes. */
  private void streamFrom(long sequence, IdIndex ids, RecentEvents recent, LiveGaps gaps) {
    ids.clear();
    recent.clear();
    gaps.clear();
    fanOut.restartAt(sequence);
    gapFiller.restartAt(sequence);
  }

  /** Hands one event of the ordered stream to the sessions; how many were sent it. */
  private int handOut(SequencedEvent event, IdIndex ids, RecentEvents recent, LiveGaps gaps) {
    gaps.before(event);
    ids.put(event.keys().source(), event.keys().id(), event.sequence());
    recent.add(event);
    int sent = hub.dispatch(event);
    metrics.delivered(sent);
    return sent;
  }

  /** A live range that left retention before this gateway could read it: every session is told. */
  private void announceGap(long from, long to) {
    for (ClientSession session : List.copyOf(hub.sessions())) {
      session.gap(from, to);
    }
  }

  /** The log's epoch, for the gap messages of shedding. */
  private String epoch() {
    return resumeLog.epoch();
  }

  /** The port the gateway listens on (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** Plain HTTP (health, the live page); a connection over its IP's bound gets 429. */
  private void request(Router router, HttpServerRequest request) {
    if (ipGate.refuses(request.remoteAddress())) {
      HandshakeLog.refused(request.remoteAddress(), ipGate.reason());
      request.response().setStatusCode(429).putHeader("Connection", "close").end();
      return;
    }
    router.handle(request);
  }

  private void handshake(ServerWebSocketHandshake handshake) {
    if (ipGate.refuses(handshake.remoteAddress())) {
      HandshakeLog.refused(handshake, ipGate.reason() + " (1013)", null);
      handshake
          .accept()
          .onSuccess(ws -> ws.close((short) ErrorCode.CONNECTION_LIMIT.code, ipGate.reason()));
      return;
    }
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
    ConnectQuery query;
    try {
      query = ConnectQuery.parse(handshake.query());
    } catch (IllegalArgumentException malformed) {
      HandshakeLog.refused(handshake, "malformed query (400)", null);
      handshake.reject(400);
      return;
    }
    // From here on this instance takes each batch at once, as it does once sessions are open: a
    // client may publish as soon as it has the 101, and that event must reach its session.
    // What the node received before is history to this client: taken now, before the session.
    // A node that stopped receiving for want of clients receives again before the client's 101.
    hub.handshakeStarted();
    live.catchUp();
    live.following()
        .onSuccess(
            following ->
                security
                    .authenticate(handshake, query.parameters())
                    .onComplete(auth -> answer(handshake, auth, query)))
        .onFailure(failure -> notReceiving(handshake));
  }

  /** The node could not start receiving events again: the client may try another node. */
  private void notReceiving(ServerWebSocketHandshake handshake) {
    HandshakeLog.refused(handshake, "not receiving events (503)", null);
    handshake.reject(503);
    hub.handshakeEnded();
  }

  /**
   * Accepts the handshake, then opens the session or closes with the refusal; the client counts as
   * connecting until then, whatever happens.
   */
  private void answer(
      ServerWebSocketHandshake handshake, AsyncResult<Principal> auth, ConnectQuery query) {
    AuthFailure refusal = auth.succeeded() ? null : refusal(auth.cause(), handshake);
    handshake
        .accept()
        .onComplete(
            accepted -> {
              try {
                if (accepted.succeeded()) {
                  opened(accepted.result(), auth.result(), refusal, query, handshake.headers());
                }
              } finally {
                hub.handshakeEnded();
              }
            });
  }

  /** A refused client gets the refusal as an error message and its close code. */
  private void opened(
      ServerWebSocket ws,
      Principal principal,
      AuthFailure refusal,
      ConnectQuery query,
      MultiMap headers) {
    WebSocketTransport.accepted(ws);
    if (refusal == null) {
      open(ws, principal, query, headers);
    } else {
      refuse(ws, refusal);
    }
  }

  /** A session within the connection limits; otherwise close 1013 naming the limit. */
  private void open(ServerWebSocket ws, Principal principal, ConnectQuery query, MultiMap headers) {
    if (drainAndDismiss.started()) {
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
    OutboundQueue queue = new OutboundQueue(settings.maxPending());
    Connection connection =
        new Connection(
            vertx,
            transport.channel(ws, queue),
            queue,
            settings,
            metrics,
            principal.id(),
            this::epoch);
    connection.closed().onComplete(closed -> limits.release(principal.id()));
    ResumePoint point = null;
    ProtocolError badPoint = null;
    try {
      point = query.resumePoint(headers);
    } catch (ProtocolError e) {
      badPoint = e;
    }
    ClientSession session =
        new ClientSession(
            vertx, principal, hub, connection, security.authenticator(), sessions, point);
    session.open(query, point, settings.resumeWait());
    if (badPoint != null) {
      connection.send(ServerMessages.error(badPoint));
    }
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
    ws.writeTextMessage(ServerMessages.error(code, auth.getMessage(), null, null).toString());
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
    context.runOnContext(v -> drainAndDismiss.run(server).onComplete(done));
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
