package org.ushs.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One WebSocket connection: sends commands and matches the replies, which the server gives one per
 * command and in order, to the waiting requests. The first command is a {@code ping}: its {@code
 * pong} says the server accepted the credentials, and an error message before it concerns the
 * connection itself (credentials, the query's subscription). Runs on the client's context.
 *
 * <p>Subscription commands go out in order, and a {@code subscribe} the server answers with a
 * replay holds the ones after it until that replay's {@code replay} answer (as does the connect's
 * own replay): so at most one replay window is open, and the events between a {@code subscribed}
 * and the next {@code replay} are that subscription's replay (see {@link ResumeState}). {@code
 * ping} and {@code refresh} are never held.
 */
final class Conversation {

  /** What the conversation reports to its client. */
  interface Owner {
    void accepted(Conversation conversation);

    void event(JsonObject json);

    /** {@code entry}'s replay starts: its {@code subscribed} answer came. */
    void windowOpened(SubscriptionLog.Entry entry);

    /** A {@code replay} answer; {@code closesWindow}: the one the open window waited for. */
    void replay(JsonObject json, boolean closesWindow);

    void gap(JsonObject json);

    void error(UshsError error);

    void closed(Conversation conversation, Integer code, String reason);
  }

  /** A command; {@code opens}: the subscription whose replay it starts, or null. */
  record Outgoing(JsonObject command, String expected, SubscriptionLog.Entry opens) {}

  private record Pending(Outgoing outgoing, Promise<JsonObject> promise) {
    String expected() {
      return outgoing.expected();
    }
  }

  /** Whether subscription commands are held, and why. */
  private enum Hold {
    NONE,
    AWAITING_ACK,
    WINDOW
  }

  private final ClientWebSocket ws;
  private final Owner owner;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final ArrayDeque<Pending> held = new ArrayDeque<>();
  private final boolean resuming;
  private Hold hold;
  private boolean open;
  private boolean accepted;
  private boolean ended;

  /**
   * @param replayAtConnect whether the connect itself resumes (a point and a query subscription):
   *     subscription commands wait for its {@code replay} answer
   */
  Conversation(ClientWebSocket ws, Owner owner, boolean resuming, boolean replayAtConnect) {
    this.ws = ws;
    this.owner = owner;
    this.resuming = resuming;
    this.hold = replayAtConnect ? Hold.WINDOW : Hold.NONE;
    ws.textMessageHandler(this::onText);
    ws.closeHandler(v -> end(closeCode(), closeReason()));
  }

  /** Why a connection that could not be opened failed: its message, or its kind. */
  static String failure(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  private String closeReason() {
    String reason = ws.closeReason();
    if (reason != null && !reason.isBlank()) {
      return reason;
    }
    return closeCode() == null ? "connection lost without a close frame" : null;
  }

  /** The connection is open: sends the hello ping, then {@code restore}; their joint answer. */
  Future<Void> opened(List<Outgoing> restore) {
    open = true;
    request(new JsonObject().put("command", "ping"), "pong")
        .onSuccess(
            pong -> {
              accepted = true;
              owner.accepted(this);
            });
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (Outgoing command : restore) {
      replies.add(send(command));
    }
    return Future.all(replies).mapEmpty();
  }

  /** Sends {@code command} at once; the future has the reply of type {@code expected}. */
  Future<JsonObject> request(JsonObject command, String expected) {
    return send(new Outgoing(command, expected, null));
  }

  /** Sends {@code outgoing}, after the subscription commands held before it if it is one. */
  Future<JsonObject> send(Outgoing outgoing) {
    if (!open || ended) {
      return Future.failedFuture(UshsException.connectionLost(null, null));
    }
    Pending command = new Pending(outgoing, Promise.promise());
    String name = outgoing.command().getString("command", "");
    if (name.equals("subscribe") || name.equals("unsubscribe")) {
      held.add(command);
      releaseHeld();
    } else {
      write(command);
    }
    return command.promise().future();
  }

  private void releaseHeld() {
    while (hold == Hold.NONE && !held.isEmpty()) {
      Pending next = held.poll();
      if (next.outgoing().opens() != null) {
        hold = Hold.AWAITING_ACK;
      }
      write(next);
    }
  }

  private void write(Pending command) {
    pending.add(command);
    ws.writeTextMessage(command.outgoing().command().encode());
  }

  /** Whether a replay is running or waits to be sent on this connection. */
  boolean catchingUp() {
    return hold != Hold.NONE || held.stream().anyMatch(p -> p.outgoing().opens() != null);
  }

  private void onText(String text) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException e) {
      return;
    }
    if (json.containsKey("specversion")) {
      owner.event(json);
      return;
    }
    String type = json.getString("type", "");
    switch (type) {
      case "replay" -> onReplay(json);
      case "gap" -> owner.gap(json);
      case "error" -> onError(UshsError.of(json));
      case "pong", "subscribed", "unsubscribed", "refreshed" -> onReply(type, json);
      default -> {
        // a message type this client does not know yet: ignored, for forward compatibility
      }
    }
  }

  private void onReplay(JsonObject json) {
    boolean closes = hold == Hold.WINDOW;
    if (closes) {
      hold = Hold.NONE;
    }
    owner.replay(json, closes);
    releaseHeld();
  }

  private void onError(UshsError error) {
    owner.error(error);
    if (accepted && !pending.isEmpty()) {
      Pending refused = pending.poll();
      if (refused.outgoing().opens() != null && hold == Hold.AWAITING_ACK) {
        hold = Hold.NONE; // refused: no replay comes
        releaseHeld();
      }
      refused.promise().tryFail(new UshsException(error));
    }
  }

  private void onReply(String type, JsonObject json) {
    Pending head = pending.poll();
    if (head == null) {
      return;
    }
    if (head.expected().equals(type)) {
      if (head.outgoing().opens() != null && hold == Hold.AWAITING_ACK) {
        hold = Hold.WINDOW;
        owner.windowOpened(head.outgoing().opens());
      }
      head.promise().tryComplete(json);
    } else {
      head.promise().tryFail(new UshsException(0, "expected " + head.expected() + ", got " + type));
    }
  }

  private Integer closeCode() {
    Short code = ws.closeStatusCode();
    return code == null || code == 1005 || code == 1006 ? null : Integer.valueOf(code);
  }

  /** The connection ended (or never opened): fails what waits, once. */
  void end(Integer code, String reason) {
    if (ended) {
      return;
    }
    ended = true;
    for (Pending waiting : pending) {
      waiting.promise().tryFail(UshsException.connectionLost(code, reason));
    }
    for (Pending waiting : held) {
      waiting.promise().tryFail(UshsException.connectionLost(code, reason));
    }
    pending.clear();
    held.clear();
    owner.closed(this, code, reason);
  }

  void close() {
    if (open && !ended) {
      ws.close((short) 1000, "client closed");
    } else {
      end(null, "client closed");
    }
  }

  boolean isOpen() {
    return open && !ended;
  }

  boolean isAccepted() {
    return accepted;
  }

  boolean isResuming() {
    return resuming;
  }
}
