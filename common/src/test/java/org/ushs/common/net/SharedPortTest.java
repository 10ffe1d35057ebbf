package org.ushs.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharedPortTest {

  private static final int INSTANCES = 3;

  /** One instance of a server: answers every request with its number. */
  private static final class Numbered extends VerticleBase {
    private final SharedPort port;
    private final int number;
    private HttpServer server;

    Numbered(SharedPort port, int number) {
      this.port = port;
      this.number = number;
    }

    @Override
    public Future<?> start() {
      server =
          vertx.createHttpServer().requestHandler(request -> request.response().end("" + number));
      return port.listen(server);
    }
  }

  private Vertx vertx;
  private final List<Numbered> instances = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(INSTANCES));
    SharedPort port = new SharedPort("127.0.0.1", 0);
    AtomicInteger numbers = new AtomicInteger();
    Future<String> deployed =
        vertx.deployVerticle(
            () -> {
              Numbered instance = new Numbered(port, numbers.getAndIncrement());
              instances.add(instance);
              return instance;
            },
            new DeploymentOptions().setInstances(INSTANCES));
    deployed.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void withPortZeroEveryInstanceListensOnTheSamePortAndTakesConnections() throws IOException {
    int port = instances.get(0).server.actualPort();
    for (Numbered instance : instances) {
      assertEquals(port, instance.server.actualPort());
    }
    Set<String> answeredBy = new HashSet<>();
    for (int i = 0; i < INSTANCES * 2; i++) {
      answeredBy.add(answer("127.0.0.1", port));
    }
    assertEquals(Set.of("0", "1", "2"), answeredBy);
  }

  @Test
  void anotherServerWithPortZeroGetsAPortOfItsOwn() throws Exception {
    HttpServer other =
        vertx.createHttpServer().requestHandler(request -> request.response().end("x"));
    new SharedPort("127.0.0.1", 0)
        .listen(other)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    int port = instances.get(0).server.actualPort();
    assertNotEquals(port, other.actualPort());
    assertEquals("x", answer("127.0.0.1", other.actualPort()));
    assertTrue(Set.of("0", "1", "2").contains(answer("127.0.0.1", port)));
  }

  @Test
  void theServerListensOnItsHostOnly() {
    int port = instances.get(0).server.actualPort();
    assertThrows(ConnectException.class, () -> answer("127.0.0.2", port));
  }

  private static String answer(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}
