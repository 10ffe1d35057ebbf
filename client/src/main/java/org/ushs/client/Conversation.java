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
 */
final class Conversation {

  /** What the conversation reports to its client. */
  interface Owner {
    void accepted(Conversation conversation);

    void event(JsonObject json);

    void replay(JsonObject json);

    void gap(JsonObject json);

    void error(UshsError error);

    void closed(Conversation conversation, Integer code, String reason);
  }

  private record Pending(String expected, Promise<JsonObject> promise) {}

  private final ClientWebSocket ws;
  private final Owner owner;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final boolean resuming;
  private boolean open;
  private boolean accepted;
  private boolean ended;

  Conversation(ClientWebSocket ws, Owner owner, boolean resuming) {
    this.ws = ws;
    this.owner = owner;
    this.resuming = resuming;
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
  Future<Void> opened(List<JsonObject> restore) {
    open = true;
    request(new JsonObject().put("command", "ping"), "pong")
        .onSuccess(
            pong -> {
              accepted = true;
              owner.accepted(this);
            });
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (JsonObject command : restore) {
      replies.add(request(command, replyTo(command)));
    }
    return Future.all(replies).mapEmpty();
  }

  static String replyTo(JsonObject command) {
    return switch (command.getString("command", "")) {
      case "subscribe" -> "subscribed";
      case "unsubscribe" -> "unsubscribed";
      case "refresh" -> "refreshed";
      default -> "pong";
    };
  }

  /** Sends {@code command}; the future has the reply of type {@code expected}. */
  Future<JsonObject> request(JsonObject command, String expected) {
    if (!open || ended) {
      return Future.failedFuture(UshsException.connectionLost(null, null));
    }
    Promise<JsonObject> promise = Promise.promise();
    pending.add(new Pending(expected, promise));
    ws.writeTextMessage(command.encode());
    return promise.future();
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
      case "replay" -> owner.replay(json);
      case "gap" -> owner.gap(json);
      case "error" -> onError(UshsError.of(json));
      case "pong", "subscribed", "unsubscribed", "refreshed" -> onReply(type, json);
      default -> {
        // a message type this client does not know yet: ignored, for forward compatibility
      }
    }
  }

  private void onError(UshsError error) {
    owner.error(error);
    if (accepted && !pending.isEmpty()) {
      pending.poll().promise().tryFail(new UshsException(error));
    }
  }

  private void onReply(String type, JsonObject json) {
    Pending head = pending.poll();
    if (head == null) {
      return;
    }
    if (head.expected().equals(type)) {
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
    pending.clear();
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
