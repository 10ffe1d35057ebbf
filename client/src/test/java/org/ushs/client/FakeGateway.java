package org.ushs.client;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scripted stand-in for a gateway node, to drive the client through close codes: answers ping,
 * subscribe, unsubscribe and refresh as the protocol says, records each handshake and command, and
 * hands each new connection to the test.
 */
final class FakeGateway implements AutoCloseable {

  /** One accepted connection as the test sees it. */
  record Connection(
      ServerWebSocket ws,
      String uri,
      String authorization,
      String lastEventId,
      String lastEventPosition) {
    void send(JsonObject json) {
      ws.writeTextMessage(json.encode());
    }

    void close(int code, String reason) {
      ws.close((short) code, reason);
    }
  }

  private final HttpServer server;
  final LinkedBlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<JsonObject> commands = new LinkedBlockingQueue<>();

  FakeGateway(Vertx vertx, Consumer<Connection> onConnect) {
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
            .webSocketHandler(
                ws -> {
                  Connection connection =
                      new Connection(
                          ws,
                          ws.uri(),
                          ws.headers().get("Authorization"),
                          ws.headers().get("Last-Event-ID"),
                          ws.headers().get("Last-Event-Position"));
                  ws.textMessageHandler(text -> answer(connection, new JsonObject(text)));
                  connections.add(connection);
                  onConnect.accept(connection);
                });
    await(server.listen(0).toCompletionStage().toCompletableFuture());
  }

  /** Answers {@code command}, then hands it to the test (so what the test sends next follows). */
  private void answer(Connection connection, JsonObject command) {
    JsonObject reply =
        switch (command.getString("command")) {
          case "ping" ->
              new JsonObject().put("type", "pong").put("timestamp", Instant.now().toString());
          case "subscribe", "unsubscribe" ->
              new JsonObject()
                  .put("type", command.getString("command") + "d")
                  .put("eventTypes", command.getJsonArray("eventTypes"));
          case "refresh" ->
              new JsonObject().put("type", "refreshed").put("expiresAt", "2030-01-01T00:00:00Z");
          default -> new JsonObject().put("type", "error").put("code", 4000).put("message", "bad");
        };
    connection.send(reply);
    commands.add(command);
  }

  String url() {
    return "ws://127.0.0.1:" + server.actualPort() + "/ushs/v1/ws";
  }

  Connection nextConnection() {
    return poll(connections);
  }

  JsonObject nextCommand() {
    return poll(commands);
  }

  static <T> T poll(LinkedBlockingQueue<T> queue) {
    try {
      T item = queue.poll(30, TimeUnit.SECONDS);
      if (item == null) {
        throw new AssertionError("nothing within 30 s");
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  /** An event of the given log epoch. */
  static JsonObject event(String id, String epoch, long sequence) {
    return event(id, sequence).put("epoch", epoch);
  }

  /** An event as a server without epochs sends it. */
  static JsonObject event(String id, long sequence) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", id)
        .put("source", "/test")
        .put("type", "org.ushs.error.detected")
        .put("sequence", Long.toString(sequence))
        .put(
            "data",
            new JsonObject()
                .put("errorId", id)
                .put("severity", "high")
                .put("service", "api")
                .put("summary", "s"));
  }

  @Override
  public void close() {
    server.close();
  }
}
