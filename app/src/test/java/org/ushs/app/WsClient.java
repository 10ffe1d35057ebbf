package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client for tests: collects every message; waits are bounded. */
final class WsClient {

  private static final long WAIT_SECONDS = 10;

  private final ClientWebSocket ws;
  private final WebSocketClient client;
  private final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closeCode = new CompletableFuture<>();

  private WsClient(WebSocketClient client) {
    this.client = client;
    this.ws = client.webSocket();
    ws.textMessageHandler(text -> messages.add(new JsonObject(text)));
    ws.closeHandler(v -> closeCode.complete(ws.closeStatusCode()));
  }

  /** Connects to {@code uri} with a bearer token (none when null). */
  static WsClient connect(Vertx vertx, int port, String uri, String token) {
    return connect(vertx, port, uri, token, null);
  }

  /** Connects, resuming after {@code lastEventId} (a {@code Last-Event-ID} header) when set. */
  static WsClient connect(Vertx vertx, int port, String uri, String token, String lastEventId) {
    WsClient client = new WsClient(vertx.createWebSocketClient());
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      options.addHeader("Last-Event-ID", lastEventId);
    }
    TestNodes.await(client.ws.connect(options));
    return client;
  }

  /**
   * Connects with {@code clientOptions} (TLS, client certificate, ...) and {@code options}; the
   * future fails when the handshake does, and the client is then closed.
   */
  static Future<WsClient> open(
      Vertx vertx, WebSocketClientOptions clientOptions, WebSocketConnectOptions options) {
    WsClient client = new WsClient(vertx.createWebSocketClient(clientOptions));
    return client.ws.connect(options).map(ws -> client).onFailure(failure -> client.client.close());
  }

  /** The subprotocol the server selected, or null. */
  String subProtocol() {
    return ws.subProtocol();
  }

  void send(JsonObject command) {
    send(command.encode());
  }

  void send(String text) {
    TestNodes.await(ws.writeTextMessage(text));
  }

  /** The next message; fails after a bounded wait. */
  JsonObject next() {
    try {
      JsonObject message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(message, "no message within " + WAIT_SECONDS + " s");
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every message received and not yet taken, without waiting. */
  List<JsonObject> drain() {
    List<JsonObject> list = new ArrayList<>();
    messages.drainTo(list);
    return list;
  }

  /** The next {@code count} messages. */
  List<JsonObject> next(int count) {
    List<JsonObject> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(next());
    }
    return list;
  }

  /** Asserts that no message arrives within {@code millis}. */
  void assertQuiet(long millis) {
    try {
      assertNull(messages.poll(millis, TimeUnit.MILLISECONDS), "unexpected message");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends a command and returns the reply, asserting its type. */
  JsonObject request(JsonObject command, String expectedType) {
    send(command);
    JsonObject reply = next();
    assertEquals(expectedType, reply.getString("type"), reply.encode());
    return reply;
  }

  /** The close code the server sent, waiting for the close. */
  short awaitClose() {
    try {
      return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("not closed: " + e, e);
    }
  }

  /** The reason of the server's close frame, after {@link #awaitClose}. */
  String closeReason() {
    return ws.closeReason();
  }

  boolean isClosed() {
    return ws.isClosed();
  }

  void close() {
    ws.close();
    client.close();
  }
}
