package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetClient;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generator's WebSocket client against a real Vert.x WebSocket server on loopback: upgrade with
 * the bearer token and Last-Event-ID, messages, a ping answered with a pong, the close code.
 */
class RawWebSocketTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void receivesMessagesAnswersPingsAndKeepsTheCloseCode() throws Exception {
    CompletableFuture<String> headers = new CompletableFuture<>();
    CompletableFuture<String> pong = new CompletableFuture<>();
    HttpServer server =
        vertx
            .createHttpServer()
            .webSocketHandler(
                ws -> {
                  headers.complete(
                      ws.uri()
                          + " "
                          + ws.headers().get("Authorization")
                          + " "
                          + ws.headers().get("Last-Event-ID"));
                  ws.pongHandler(
                      data -> {
                        pong.complete(data.toString());
                        ws.close((short) 4006, "slow consumer");
                      });
                  ws.writeTextMessage("first");
                  ws.writeTextMessage("x".repeat(5000));
                  ws.writePing(Buffer.buffer("are you there"));
                });
    int port = await(server.listen(0, "127.0.0.1")).actualPort();
    Target target =
        new Target("127.0.0.1", port, 0, "tok", "pub", 0, List.of("127.0.0.1"), false, 0);
    List<String> messages = new CopyOnWriteArrayList<>();
    CompletableFuture<Short> closed = new CompletableFuture<>();
    NetClient client = vertx.createNetClient();

    await(
        RawWebSocket.connect(
            client,
            target,
            "/ushs/v1/ws?subscribe=error",
            "e-41",
            new RawWebSocket.Listener() {
              @Override
              public void message(byte[] payload, int from, int to) {
                messages.add(new String(payload, from, to - from, StandardCharsets.UTF_8));
              }

              @Override
              public void closed(short code) {
                closed.complete(code);
              }
            }));

    assertEquals((short) 4006, closed.get(10, TimeUnit.SECONDS));
    assertEquals("/ushs/v1/ws?subscribe=error Bearer tok e-41", headers.get(1, TimeUnit.SECONDS));
    assertEquals("are you there", pong.get(1, TimeUnit.SECONDS));
    assertEquals(List.of("first", "x".repeat(5000)), messages);
  }

  @Test
  void aRefusedUpgradeFails() {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(request -> request.response().setStatusCode(404).end());
    int port = await(server.listen(0, "127.0.0.1")).actualPort();
    Target target =
        new Target("127.0.0.1", port, 0, "tok", "pub", 0, List.of("127.0.0.1"), false, 0);

    Future<RawWebSocket> connecting =
        RawWebSocket.connect(
            vertx.createNetClient(),
            target,
            "/ushs/v1/ws",
            null,
            new RawWebSocket.Listener() {
              @Override
              public void message(byte[] payload, int from, int to) {}

              @Override
              public void closed(short code) {}
            });

    Exception failure =
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> await(connecting));
    // the 404 and the close may reach the client in either order: the cause names what came
    String cause = String.valueOf(failure.getMessage());
    assertTrue(cause.contains("404") || cause.contains("closed during the upgrade"), cause);
  }

  /**
   * The regression of the shed scenario's slow reader, whose connection was made with a client made
   * for the connect and dropped: Vert.x 5 shuts down a client it finds unreachable (a {@code
   * Cleaner}), and its sockets close at the end of the shutdown's grace period. The client must
   * stay reachable, through its connection, while nothing else holds either of them.
   */
  @Test
  void anOpenConnectionKeepsItsClientReachable() throws Exception {
    HttpServer server =
        vertx
            .createHttpServer()
            .webSocketHandler(
                ws ->
                    vertx
                        .executeBlocking(RawWebSocketTest::collectGarbage)
                        .compose(collected -> ws.writeTextMessage("still here")));
    int port = await(server.listen(0, "127.0.0.1")).actualPort();
    Target target =
        new Target("127.0.0.1", port, 0, "tok", "pub", 0, List.of("127.0.0.1"), false, 0);
    CompletableFuture<String> message = new CompletableFuture<>();
    WeakReference<NetClient> client = new WeakReference<>(vertx.createNetClient());

    await(connectDropping(client.get(), target, message));

    assertEquals("still here", message.get(10, TimeUnit.SECONDS));
    collectGarbage();
    assertNotNull(client.get(), "the open connection's client was collected");
  }

  /** Connects, keeping no reference to the client or the connection. */
  private static Future<Void> connectDropping(
      NetClient client, Target target, CompletableFuture<String> message) {
    return RawWebSocket.connect(
            client,
            target,
            "/ushs/v1/ws",
            null,
            new RawWebSocket.Listener() {
              @Override
              public void message(byte[] payload, int from, int to) {
                message.complete(new String(payload, from, to - from, StandardCharsets.UTF_8));
              }

              @Override
              public void closed(short code) {}
            })
        .mapEmpty();
  }

  /** Collections, with time for a cleaner to act on what they found; then {@code null}. */
  private static Void collectGarbage() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return null;
  }

  private static <T> T await(Future<T> future) {
    return Bench.await(future, 10);
  }
}
