package org.ushs.common.net;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the instances of one server (one per event loop) listen, sharing one socket. Vert.x shares
 * a socket between servers that listen on the same host and port, but not on port 0: each instance
 * would get a random port of its own, only one of them known, and the others would wait for
 * connections nobody sends them. For port 0 this asks Vert.x for a random port shared by the
 * servers listening on the same negative port, a number unique to this server. Thread-safe.
 */
public final class SharedPort {

  private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();

  private final String host;
  private final int port;

  /** {@code port} 0: any free port, the same for every instance. */
  public SharedPort(String host, int port) {
    this.host = host;
    this.port = port == 0 ? -RANDOM_PORT_KEYS.incrementAndGet() : port;
  }

  /** Starts {@code server} listening. */
  public Future<HttpServer> listen(HttpServer server) {
    return server.listen(port, host);
  }
}
