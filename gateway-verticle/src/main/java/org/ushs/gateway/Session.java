package org.ushs.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import org.ushs.common.auth.Principal;
import org.ushs.common.event.SequencedEvent;
import org.ushs.gateway.protocol.Command;
import org.ushs.gateway.protocol.CommandParser;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ProtocolError;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.subscription.Selector;
import org.ushs.gateway.subscription.Subscriptions;

/**
 * One client connection: its principal, subscriptions and outbound stream; what the socket may do
 * (rate, size, heartbeat, backpressure) is its {@link Connection}'s. Lives on one event loop and is
 * never locked. Events leave in sequence order, each at most once.
 */
final class Session {

  private final Vertx vertx;
  private final Principal principal;
  private final Hub hub;
  private final Connection connection;
  private final Subscriptions subscriptions = new Subscriptions();
  private long lastSequence = -1;
  private long expiryTimer = -1;

  Session(Vertx vertx, Principal principal, Hub hub, Connection connection) {
    this.vertx = vertx;
    this.principal = principal;
    this.hub = hub;
    this.connection = connection;
  }

  /** Registers the session and applies the connect query's subscription, before any event. */
  void open(ConnectQuery query) {
    hub.add(this);
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
  }

  private void scheduleExpiry() {
    Instant expiresAt = principal.expiresAt();
    if (expiresAt != null) {
      long delay = Math.max(1, expiresAt.toEpochMilli() - System.currentTimeMillis());
      expiryTimer = vertx.setTimer(delay, id -> close(ErrorCode.UNAUTHORIZED, "token expired"));
    }
  }

  /** Sends {@code event} if this session wants it, may see it, and has not had it. */
  void deliver(SequencedEvent event) {
    if (event.sequence() <= lastSequence
        || !principal.permissions().allows(event.keys())
        || !subscriptions.matches(event.keys())) {
      return;
    }
    lastSequence = event.sequence();
    send(event.json());
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
      hub.reindex(this, subscriptions.categories());
      send(ServerMessages.acknowledged("unsubscribed", unsubscribe.selectors()));
    } else {
      send(ServerMessages.pong(Instant.now()));
    }
  }

  private void subscribe(Command.Subscribe subscribe) {
    checkPermitted(subscribe.selectors());
    subscriptions.add(subscribe.selectors(), subscribe.filter());
    hub.reindex(this, subscriptions.categories());
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
    vertx.cancelTimer(expiryTimer);
    hub.remove(this);
  }
}
