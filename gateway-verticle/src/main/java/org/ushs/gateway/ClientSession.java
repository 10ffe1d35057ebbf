package org.ushs.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.Principal;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.health.Readiness;
import org.ushs.common.net.LogText;
import org.ushs.gateway.protocol.Command;
import org.ushs.gateway.protocol.CommandParser;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ProtocolError;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.resume.ConnectionResume;
import org.ushs.gateway.resume.ReplayRun;
import org.ushs.gateway.resume.ResumePoint;
import org.ushs.gateway.subscription.SubscriptionLimits;
import org.ushs.gateway.subscription.Subscriptions;

/**
 * One client connection's session: its principal, subscriptions, resume point and outbound stream;
 * what the socket may do (rate, size, heartbeat, backpressure) is its {@link Connection}'s. Lives
 * on one event loop and is never locked. Events leave in sequence order, each at most once; what a
 * subscription added later missed since the resume point is replayed to it (see {@link
 * ConnectionResume}). A command that fails unexpectedly is answered with 4005 and logged; the
 * session's state stays as the last complete command left it.
 */
final class ClientSession implements Command.Handler {

  private static final Logger LOG = Logger.getLogger(ClientSession.class.getName());

  private final Vertx vertx;
  private final Hub hub;
  private final Connection connection;
  private final Authenticator authenticator;
  private final GatewayMetrics metrics;
  private final SubscriptionLimits limits;
  private final Readiness readiness;
  private final Subscriptions subscriptions = new Subscriptions();
  private final SessionStream stream;
  private final ConnectionResume resume;
  private Principal principal; // a refresh swaps it; every check reads it afresh
  private long expiryTimer = -1;

  ClientSession(
      Vertx vertx,
      Principal principal,
      Hub hub,
      Connection connection,
      Authenticator authenticator,
      SessionContext shared,
      ResumePoint point) {
    this.vertx = vertx;
    this.principal = principal;
    this.hub = hub;
    this.connection = connection;
    this.authenticator = authenticator;
    this.metrics = shared.replays().metrics();
    this.limits = shared.limits();
    this.readiness = shared.readiness();
    this.stream = new SessionStream(this, connection, shared.replays());
    this.resume =
        new ConnectionResume(
            vertx, stream, shared.replays(), point, () -> subscriptions, this::apply);
  }

  /**
   * Registers the session and applies the connect query's subscription, before any event; with a
   * resume point, resumes from it (and waits up to {@code resumeWait} for a first subscription).
   */
  void open(ConnectQuery query, ResumePoint point, Duration resumeWait) {
    hub.add(this);
    metrics.opened();
    connection.closed().onComplete(closed -> closed());
    connection.open(
        this::onText,
        binary ->
            reply(
                new ProtocolError(
                    ErrorCode.INVALID_MESSAGE, "message", "must be a JSON text message")));
    scheduleExpiry();
    try {
      Command.Subscribe first = query.subscription();
      if (first != null) {
        checkAllowed(first);
        resume.subscribe(first);
      }
    } catch (ProtocolError e) {
      reply(e);
    }
    if (point != null && subscriptions.isEmpty() && resume.running() == null) {
      resume.awaitFirstSubscription(resumeWait);
    }
  }

  private void scheduleExpiry() {
    Instant expiresAt = principal.expiresAt();
    if (expiresAt != null) {
      long delay = Math.max(1, expiresAt.toEpochMilli() - System.currentTimeMillis());
      expiryTimer = vertx.setTimer(delay, id -> close(ErrorCode.UNAUTHORIZED, "token expired"));
    }
  }

  /**
   * Sends {@code event} if this session wants it, or holds it while a replay runs; whether it was
   * sent now. The caller counts what was sent.
   */
  boolean deliver(SequencedEvent event) {
    if (!wants(event)) {
      return false;
    }
    ReplayRun run = resume.running();
    if (run != null) {
      run.hold(event);
      return false;
    }
    stream.write(event);
    return true;
  }

  /** Tells the client of a live gap (see {@link SessionStream#gap}). */
  void gap(long from, long to) {
    if (subscriptions.isEmpty()) {
      return;
    }
    ReplayRun run = resume.running();
    if (run != null) {
      run.holdGap(from, to, to - from + 1, "retention");
    } else {
      stream.sendGap(from, to, to - from + 1, "retention");
    }
  }

  /** Whether the session wants {@code event} now (see {@link SessionStream#wants}). */
  boolean wants(SequencedEvent event) {
    if (!principal.permissions().allows(event.keys()) || !subscriptions.matches(event.keys())) {
      return false;
    }
    ReplayRun run = resume.running();
    if (run != null && event.sequence() <= run.boundary()) {
      return !resume.coveredBefore(event);
    }
    return event.sequence() > stream.lastSequence();
  }

  private void onText(String text) {
    String what = "message";
    try {
      Command command = CommandParser.parse(text);
      what = command.getClass().getSimpleName();
      command.applyTo(this);
    } catch (ProtocolError e) {
      reply(e);
    } catch (RuntimeException e) {
      serverFault(what, e);
    }
  }

  /** A fault of the server: 4005 to the client, one line here, the hub index made whole again. */
  private void serverFault(String what, RuntimeException e) {
    LOG.log(Level.WARNING, what + " failed for " + LogText.safe(principal.id()), e);
    hub.reindex(this, subscriptions);
    send(ServerMessages.error(ErrorCode.SERVER_ERROR, ErrorCode.SERVER_ERROR.message, null, null));
  }

  /**
   * Adds the subscription (with its replay, if any). A replay asked of a node that cannot vouch for
   * the log now is refused as at the handshake: close 1013 {@code try again later: <reason>}.
   */
  @Override
  public void subscribe(Command.Subscribe subscribe) {
    checkAllowed(subscribe);
    if (resume.replays(subscribe)) {
      Optional<String> withheld = readiness.historyWithheld();
      if (withheld.isPresent()) {
        close(ErrorCode.TRY_AGAIN_LATER, "try again later: " + withheld.get());
        return;
      }
    }
    send(ServerMessages.acknowledged("subscribed", subscribe.selectors()));
    resume.subscribe(subscribe);
  }

  /** Narrows the subscriptions, those waiting for their replay too; 4004 if nothing changes. */
  @Override
  public void unsubscribe(Command.Unsubscribe unsubscribe) {
    boolean live = subscriptions.remove(unsubscribe.selectors());
    boolean waiting = resume.unsubscribe(unsubscribe.selectors());
    if (!live && !waiting) {
      throw new ProtocolError(
          ErrorCode.INVALID_SUBSCRIPTION, "eventTypes", "not subscribed: nothing to remove");
    }
    hub.reindex(this, subscriptions);
    send(ServerMessages.acknowledged("unsubscribed", unsubscribe.selectors()));
  }

  @Override
  public void ping(Command.Ping ping) {
    send(ServerMessages.pong(Instant.now()));
  }

  /** New permissions and expiry from now on; a bad token closes the connection with 4002. */
  @Override
  public void refresh(Command.Refresh refresh) {
    TokenRefresh.verify(authenticator, principal, refresh.token(), connection.remoteAddress())
        .onComplete(
            result -> {
              if (connection.isClosing()) {
                return;
              }
              if (result.failed()) {
                String why = TokenRefresh.reason(result.cause());
                send(ServerMessages.error(ErrorCode.UNAUTHORIZED, why, null, null));
                close(ErrorCode.UNAUTHORIZED, why);
                return;
              }
              principal = result.result();
              vertx.cancelTimer(expiryTimer);
              scheduleExpiry();
              send(ServerMessages.refreshed(principal.expiresAt()));
            });
  }

  /** Permitted and within the bounds; throws {@link ProtocolError} before anything changes. */
  private void checkAllowed(Command.Subscribe subscribe) {
    limits.check(
        subscriptions.countAfterAdding(subscribe.filter()) + resume.pendingSubscriptions(),
        subscriptions.selectorCount() + resume.pendingSelectors() + subscribe.selectors().size());
    SubscriptionLimits.checkPermitted(principal.permissions(), subscribe.selectors());
  }

  private void apply(Subscriptions added) {
    subscriptions.addAll(added);
    hub.reindex(this, subscriptions);
  }

  private void reply(ProtocolError error) {
    send(ServerMessages.error(error));
  }

  private void send(Buffer json) {
    connection.send(json);
  }

  /** Closes with {@code code}; the client keeps up to 10 s to read the close frame. */
  void close(ErrorCode code, String reason) {
    connection.close(code, reason);
  }

  /** A heartbeat tick (see {@link Heartbeat}). */
  void heartbeat() {
    connection.heartbeat();
  }

  /** The replay ran its course: the next one may start. */
  void replayEnded() {
    resume.runEnded();
  }

  private void closed() {
    metrics.closed();
    vertx.cancelTimer(expiryTimer);
    resume.closed();
    hub.remove(this);
  }
}
