package org.ushs.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ushs.client.event.UshsEvent;

/**
 * A client of the USHS gateway that stays connected: it reconnects by itself (exponential backoff
 * with full jitter, rotating through the endpoints), restores its subscriptions, resumes each after
 * the last event it received for it (the query's subscription with {@code Last-Event-Position} and
 * {@code Last-Event-ID}, each one re-sent as a command with its own {@code lastPosition} and {@code
 * lastEventId}), and follows the close-code table ({@link CloseCodePolicy}). Each event reaches the
 * listeners once: live events in sequence order; a subscription's replay after the events other
 * subscriptions already delivered, in sequence order from where that subscription left off (so with
 * lower sequences than events already delivered). An event or a {@code replay} answer of another
 * log epoch (the log started over) is not a duplicate: the client compares sequences afresh in that
 * epoch.
 *
 * <p>Methods may be called from any thread; listeners and futures run on the client's Vert.x
 * context, one at a time. A client that reached {@link ConnectionState#STOPPED} stays stopped.
 */
public final class UshsClient {

  private final Vertx vertx;
  private final Context context;
  private final ClientOptions options;
  private final WebSocketClient sockets;
  private final Listeners listeners = new Listeners();
  private final SubscriptionLog subscriptions = new SubscriptionLog();
  private final Promise<Void> firstAccept = Promise.promise();
  private final Promise<Void> stoppedPromise = Promise.promise();
  private final Reconnects reconnects;
  private List<Promise<Void>> awaitingRestore = new ArrayList<>();
  private ClientCredentials credentials;
  private final ResumeState resume;
  private final Delivery delivery;
  private final Conversation.Owner callbacks = new Callbacks();
  private Conversation conversation;
  private SubscriptionLog.Entry queried;
  private Subscription queriedSubscription;
  private ResumePoint connectionPoint = ResumePoint.NONE;
  private URI attempted;
  private ConnectionState state = ConnectionState.DISCONNECTED;
  private boolean started;
  private boolean stopping;

  private UshsClient(Vertx vertx, ClientOptions options) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.credentials = options.credentials();
    this.resume = new ResumeState(options.resumeFrom(), options.resumePosition());
    this.delivery = new Delivery(listeners, resume, this::safePoint);
    this.reconnects = new Reconnects(options);
    this.attempted = reconnects.endpoint();
    WebSocketClientOptions socketOptions =
        new WebSocketClientOptions()
            .setMaxFrameSize(4 * 1024 * 1024)
            .setMaxMessageSize(4 * 1024 * 1024)
            .setKeyCertOptions(options.keyCert())
            .setTrustOptions(options.trust());
    this.sockets = vertx.createWebSocketClient(socketOptions);
    if (options.subscription() != null) {
      subscriptions.subscribed(options.subscription(), resume.newest());
    }
  }

  /** A client that does nothing until {@link #connect()}. */
  public static UshsClient create(Vertx vertx, ClientOptions options) {
    return new UshsClient(vertx, options);
  }

  public UshsClient onEvent(Consumer<UshsEvent> listener) {
    listeners.events.add(listener);
    return this;
  }

  public UshsClient onStateChange(Consumer<StateChange> listener) {
    listeners.states.add(listener);
    return this;
  }

  /** Every error message the server sends (see {@link UshsError}). */
  public UshsClient onError(Consumer<UshsError> listener) {
    listeners.errors.add(listener);
    return this;
  }

  /** The answer to each resume; {@code recovered == false} means events may have been missed. */
  public UshsClient onReplay(Consumer<ReplayResult> listener) {
    listeners.replays.add(listener);
    return this;
  }

  /**
   * Each announced loss: events this client should have received and will not (a replay overtaken
   * by retention, a live gap past retention, events shed because the client reads too slowly).
   * Called before the event that follows the gap.
   */
  public UshsClient onGap(Consumer<Gap> listener) {
    listeners.gaps.add(listener);
    return this;
  }

  /**
   * Starts connecting. The future completes when the server first accepts the connection, and fails
   * only if the client stops before that (credentials refused, attempt limit, close).
   */
  public Future<Void> connect() {
    return onContext(
        () -> {
          if (!started) {
            started = true;
            open();
          }
          return firstAccept.future();
        });
  }

  /**
   * Adds a subscription, kept for every later connection. It starts after the newest event the
   * client has (events published since then that it matches are replayed to it first). Completes
   * with the server's ack (on the next connection when disconnected); fails with the server's
   * 4000/4002/4004 error, and the subscription is then dropped.
   */
  public Future<Void> subscribe(Subscription subscription) {
    return onContext(
        () -> {
          SubscriptionLog.Entry entry = subscriptions.subscribed(subscription, resume.newest());
          if (conversation == null || !conversation.isOpen()) {
            return awaitRestore();
          }
          return conversation
              .send(outgoing(entry))
              .<Void>mapEmpty()
              .recover(failure -> afterSubscribeFailure(entry, failure));
        });
  }

  private Future<Void> afterSubscribeFailure(SubscriptionLog.Entry entry, Throwable failure) {
    if (failure instanceof UshsException e && e.isConnectionLost()) {
      return awaitRestore();
    }
    subscriptions.refused(entry);
    return Future.failedFuture(failure);
  }

  private Future<Void> awaitRestore() {
    Promise<Void> promise = Promise.promise();
    awaitingRestore.add(promise);
    return promise.future();
  }

  /** Removes event types from the subscriptions (as the server does, narrowing {@code *} too). */
  public Future<Void> unsubscribe(String... eventTypes) {
    List<String> names = List.of(eventTypes);
    return onContext(
        () -> {
          subscriptions.unsubscribed(names);
          if (conversation == null || !conversation.isOpen()) {
            return Future.succeededFuture();
          }
          return conversation
              .send(
                  new Conversation.Outgoing(
                      SubscriptionLog.unsubscribeCommand(names), "unsubscribed", null))
              .mapEmpty();
        });
  }

  /** The {@code ping} command; the server's timestamp from {@code pong}. */
  public Future<Instant> ping() {
    return onContext(() -> request(new JsonObject().put("command", "ping"), "pong"))
        .map(pong -> Instant.parse(pong.getString("timestamp")));
  }

  /**
   * Replaces the token (bearer or access token) for this connection ({@code refresh} command) and
   * for every later one. Completes with the new expiry the server gives, or null when not connected
   * (the token is used at the next connection).
   */
  public Future<Instant> refresh(String token) {
    return onContext(
        () -> {
          credentials = credentials.withToken(token);
          if (conversation == null || !conversation.isOpen()) {
            return Future.<Instant>succeededFuture(null);
          }
          JsonObject command = new JsonObject().put("command", "refresh").put("token", token);
          return conversation
              .request(command, "refreshed")
              .map(reply -> Instant.parse(reply.getString("expiresAt")));
        });
  }

  private Future<JsonObject> request(JsonObject command, String expected) {
    return conversation == null
        ? Future.failedFuture(UshsException.connectionLost(null, null))
        : conversation.request(command, expected);
  }

  /** Closes the connection and stops reconnecting; completes once {@code STOPPED}. */
  public Future<Void> close() {
    return onContext(
            () -> {
              if (state == ConnectionState.STOPPED) {
                return stoppedPromise.future();
              }
              stopping = true;
              reconnects.cancel(vertx);
              if (conversation != null) {
                conversation.close();
              } else {
                stop(null, "client closed");
              }
              return stoppedPromise.future();
            })
        .eventually(sockets::close);
  }

  public ConnectionState state() {
    return state;
  }

  /**
   * The id of the event at {@link #lastPosition()}. Read it from a listener, or accept a stale
   * value.
   */
  public String lastEventId() {
    return safePoint().lastEventId();
  }

  /**
   * The position up to which every subscription has received everything: the last event delivered
   * (or the configured position before any), or lower while a subscription's replay runs or waits,
   * where that replay stands; null when unknown. Store it with {@link #lastEventId()} to resume a
   * later client with {@link ClientOptions.Builder#resumeFrom(String, EventPosition)}: nothing is
   * skipped (events after it that some subscription already had come again to the later client).
   */
  public EventPosition lastPosition() {
    return safePoint().position();
  }

  private ResumePoint safePoint() {
    return subscriptions.lowest(resume.newest(), resume.windowProgress());
  }

  private void open() {
    URI endpoint = reconnects.endpoint();
    SubscriptionLog.Plan plan = subscriptions.plan();
    queried = plan.query();
    queriedSubscription = queried == null ? null : queried.subscription();
    connectionPoint = queried == null ? ResumePoint.NONE : queried.mark();
    boolean replayAtConnect = !connectionPoint.isEmpty();
    if (replayAtConnect) {
      resume.openWindow(queried);
    } else if (queried != null) {
      queried.phase(SubscriptionLog.Phase.LIVE);
    }
    boolean resuming =
        replayAtConnect || plan.commands().stream().anyMatch(e -> e.replays(connectionPoint));
    ClientWebSocket ws = sockets.webSocket();
    Conversation current = new Conversation(ws, callbacks, resuming, replayAtConnect);
    conversation = current;
    attempted = endpoint;
    changeState(ConnectionState.CONNECTING, null, null);
    try {
      ws.connect(
              ConnectRequest.options(endpoint, credentials, queriedSubscription, connectionPoint)
                  .setConnectTimeout(options.connectTimeout().toMillis()))
          .onSuccess(opened -> restore(current))
          .onFailure(failure -> current.end(null, Conversation.failure(failure)));
    } catch (RuntimeException e) {
      conversation = null;
      stop(null, "cannot connect to " + endpoint + ": " + e.getMessage());
    }
  }

  /**
   * Re-sends the subscriptions the query did not carry, each subscribe with its own mark so that it
   * gets what it missed too; answers who waited for them.
   */
  private void restore(Conversation current) {
    SubscriptionLog.Plan plan = subscriptions.plan();
    List<Conversation.Outgoing> commands = new ArrayList<>();
    boolean same =
        queried != null
            && plan.query() == queried
            && queried.subscription().equals(queriedSubscription);
    if (queried != null && !same) {
      commands.add(
          new Conversation.Outgoing(
              SubscriptionLog.unsubscribeCommand(queriedSubscription.eventTypes()),
              "unsubscribed",
              null));
    }
    if (plan.query() != null && !same) {
      commands.add(outgoing(plan.query()));
    }
    plan.commands().forEach(entry -> commands.add(outgoing(entry)));
    List<Promise<Void>> waiting = awaitingRestore;
    awaitingRestore = new ArrayList<>();
    current
        .opened(commands)
        .onComplete(
            restored -> {
              if (restored.succeeded()) {
                waiting.forEach(Promise::tryComplete);
              } else if (restored.cause() instanceof UshsException e && e.isConnectionLost()) {
                awaitingRestore.addAll(waiting);
              } else {
                waiting.forEach(p -> p.tryFail(restored.cause()));
              }
            });
  }

  /** The command for {@code entry}; one without a replay is live from when it is sent. */
  private Conversation.Outgoing outgoing(SubscriptionLog.Entry entry) {
    if (entry.subscription() == null) {
      return new Conversation.Outgoing(entry.command(connectionPoint), "unsubscribed", null);
    }
    boolean replays = entry.replays(connectionPoint);
    if (!replays) {
      entry.phase(SubscriptionLog.Phase.LIVE);
    }
    return new Conversation.Outgoing(
        entry.command(connectionPoint), "subscribed", replays ? entry : null);
  }

  private void accepted(Conversation current) {
    reconnects.accepted();
    changeState(
        current.isResuming() ? ConnectionState.RESUMING : ConnectionState.CONNECTED, null, null);
    firstAccept.tryComplete();
  }

  private void closed(Conversation ended, Integer code, String reason) {
    if (conversation != ended) {
      return;
    }
    conversation = null;
    subscriptions.disconnected(resume.newest(), resume.windowProgress());
    resume.disconnected();
    if (stopping) {
      stop(code, "client closed");
      return;
    }
    Reconnects.Next next = reconnects.afterClose(code, reason, ended.isAccepted());
    if (next.stop()) {
      stop(code, next.reason());
      return;
    }
    state = ConnectionState.DISCONNECTED;
    Listeners.fire(
        listeners.states,
        new StateChange(state, attempted, code, reason, next.delay(), reconnects.endpoint()));
    reconnects.schedule(vertx, next.delay(), this::open);
  }

  private void stop(Integer code, String reason) {
    stopping = true;
    changeState(ConnectionState.STOPPED, code, reason);
    UshsException failure = new UshsException(code == null ? 0 : code, reason);
    firstAccept.tryFail(failure);
    awaitingRestore.forEach(p -> p.tryFail(failure));
    awaitingRestore.clear();
    stoppedPromise.tryComplete();
  }

  private void changeState(ConnectionState next, Integer code, String reason) {
    state = next;
    Listeners.fire(listeners.states, new StateChange(next, attempted, code, reason, null, null));
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** What the connections report; private so that applications cannot inject events. */
  private final class Callbacks implements Conversation.Owner {
    @Override
    public void accepted(Conversation current) {
      UshsClient.this.accepted(current);
    }

    @Override
    public void event(JsonObject json) {
      delivery.event(json);
    }

    @Override
    public void windowOpened(SubscriptionLog.Entry entry) {
      resume.openWindow(entry);
    }

    @Override
    public void replay(JsonObject json, boolean closesWindow) {
      delivery.replay(json, closesWindow);
      if (state == ConnectionState.RESUMING && conversation != null && !conversation.catchingUp()) {
        changeState(ConnectionState.CONNECTED, null, null);
      }
    }

    @Override
    public void gap(JsonObject json) {
      delivery.gap(json);
    }

    @Override
    public void error(UshsError error) {
      delivery.error(error);
    }

    @Override
    public void closed(Conversation ended, Integer code, String reason) {
      UshsClient.this.closed(ended, code, reason);
    }
  }
}
