package org.ushs.gateway;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.Principal;
import org.ushs.common.event.SequencedEvent;
import org.ushs.gateway.protocol.Command;
import org.ushs.gateway.protocol.CommandParser;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ProtocolError;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.resume.Replays;
import org.ushs.gateway.resume.Resume;
import org.ushs.gateway.resume.ResumeTarget;
import org.ushs.gateway.subscription.Selector;
import org.ushs.gateway.subscription.Subscriptions;

/**
 * One client connection: its principal, subscriptions and outbound stream; what the socket may do
 * (rate, size, heartbeat, backpressure) is its {@link Connection}'s. Lives on one event loop and is
 * never locked. Events leave in sequence order, each at most once.
 */
final class Session implements ResumeTarget {

  private final Vertx vertx;
  private final Hub hub;
  private final Connection connection;
  private final Replays replays;
  private final Authenticator authenticator;
  private Principal principal; // a refresh swaps it; every check reads it afresh
  private final GatewayMetrics metrics;
  private final Subscriptions subscriptions = new Subscriptions();
  private Resume resume;
  private long lastSequence = -1;
  private long expiryTimer = -1;

  Session(
      Vertx vertx,
      Principal principal,
      Hub hub,
      Connection connection,
      Authenticator authenticator,
      Replays replays) {
    this.vertx = vertx;
    this.principal = principal;
    this.hub = hub;
    this.connection = connection;
    this.replays = replays;
    this.authenticator = authenticator;
    this.metrics = replays.metrics();
  }

  /**
   * Registers the session and applies the connect query's subscription, before any event; with a
   * {@code lastEventId}, resumes after it before going live.
   */
  void open(ConnectQuery query, String lastEventId) {
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
        subscribe(first);
      }
    } catch (ProtocolError e) {
      reply(e);
    }
    if (lastEventId != null) {
      resume = replays.resumeFor(this);
      resume.start(lastEventId);
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
   * Sends {@code event} if this session wants it, or holds it while a resume runs; whether it was
   * sent now. The caller counts what was sent.
   */
  boolean deliver(SequencedEvent event) {
    if (!wants(event)) {
      return false;
    }
    if (resume != null) {
      resume.hold(event);
      return false;
    }
    write(event);
    return true;
  }

  @Override
  public boolean wants(SequencedEvent event) {
    return event.sequence() > lastSequence
        && principal.permissions().allows(event.keys())
        && subscriptions.matches(event.keys());
  }

  @Override
  public void sendEvent(SequencedEvent event) {
    write(event);
    metrics.delivered(1);
  }

  private void write(SequencedEvent event) {
    lastSequence = event.sequence();
    connection.sendEvent(event);
  }

  @Override
  public void sendMessage(Buffer json) {
    send(json);
  }

  @Override
  public boolean writeQueueFull(Handler<Void> onDrain) {
    return connection.busy(onDrain);
  }

  @Override
  public boolean isClosing() {
    return connection.isClosing();
  }

  @Override
  public void failReplay() {
    close(ErrorCode.SERVER_ERROR, "replay failed");
  }

  @Override
  public void resumed() {
    resume = null;
  }

  private void onText(String text) {
    try {
      handle(CommandParser.parse(text));
    } catch (ProtocolError e) {
      reply(e);
    }
  }

  private void handle(Command command) {
    if (command instanceof Command.Subscribe subscribe) {
      subscribe(subscribe);
      send(ServerMessages.acknowledged("subscribed", subscribe.selectors()));
    } else if (command instanceof Command.Unsubscribe unsubscribe) {
      subscriptions.remove(unsubscribe.selectors());
      hub.reindex(this, subscriptions);
      send(ServerMessages.acknowledged("unsubscribed", unsubscribe.selectors()));
    } else if (command instanceof Command.Refresh refresh) {
      refresh(refresh.token());
    } else {
      send(ServerMessages.pong(Instant.now()));
    }
  }

  /** New permissions and expiry from now on; a bad token closes the connection with 4002. */
  private void refresh(String token) {
    TokenRefresh.verify(authenticator, principal, token, connection.remoteAddress())
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

  private void subscribe(Command.Subscribe subscribe) {
    checkPermitted(subscribe.selectors());
    subscriptions.add(subscribe.selectors(), subscribe.filter());
    hub.reindex(this, subscriptions);
  }

  /** An explicit forbidden type is refused; {@code *} narrows silently to what is permitted. */
  private void checkPermitted(List<Selector> selectors) {
    for (Selector selector : selectors) {
      boolean wildcard = selector.name().equals("*");
      if (!wildcard && !selector.categories().stream().allMatch(principal.permissions()::allows)) {
        throw new ProtocolError(
            ErrorCode.UNAUTHORIZED, "eventTypes", "not permitted: " + selector.name());
      }
    }
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

  private void closed() {
    metrics.closed();
    vertx.cancelTimer(expiryTimer);
    hub.remove(this);
  }
}
