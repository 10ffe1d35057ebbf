package org.ushs.app;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP server's metrics that end each request exactly once, over the metrics Vert.x 5.0.7 gives
 * events to. Vert.x breaks the SPI's "one end per request" in two ways, which make
 * vertx-micrometer-metrics' {@code vertx_http_server_active_requests} drift:
 *
 * <ul>
 *   <li>a request whose body is malformed is reset twice (once when the decoder fails, once when
 *       the answer to it ends): the gauge goes down by two for one request;
 *   <li>a request answered before its body arrived, whose client then closes, gets neither its
 *       request end nor a reset (eclipse-vertx/vert.x#6328): the gauge never comes down.
 * </ul>
 *
 * Here a reset or end after the request's end is dropped, and a request still waiting for its body
 * when its connection closes is reset then. Everything else passes through unchanged. Called on
 * each connection's event loop, as Vert.x calls its metrics; one connection's state is touched on
 * its own loop only.
 */
final class OneEndPerRequest
    implements HttpServerMetrics<OneEndPerRequest.Request, Object, OneEndPerRequest.Connection> {

  /** One connection: the delegate's metric and its requests not ended yet. */
  static final class Connection {
    final Object metric;
    final List<Request> open = new ArrayList<>(1);

    Connection(Object metric) {
      this.metric = metric;
    }
  }

  /** One request: the delegate's metric and which of its halves ended. */
  static final class Request {
    final Object metric;
    final Connection connection;
    boolean requestEnded;
    boolean responseEnded;
    boolean ended;

    Request(Object metric, Connection connection) {
      this.metric = metric;
      this.connection = connection;
    }
  }

  private final HttpServerMetrics<Object, Object, Object> delegate;

  @SuppressWarnings("unchecked") // the delegate only ever gets back the metrics it made
  OneEndPerRequest(HttpServerMetrics<?, ?, ?> delegate) {
    this.delegate = (HttpServerMetrics<Object, Object, Object>) delegate;
  }

  @Override
  public Connection connected(SocketAddress remoteAddress, String remoteName) {
    return new Connection(delegate.connected(remoteAddress, remoteName));
  }

  @Override
  public void disconnected(Connection connection, SocketAddress remoteAddress) {
    if (connection == null) {
      return;
    }
    for (Request request : List.copyOf(connection.open)) {
      if (request.responseEnded && !request.requestEnded) {
        requestReset(request); // answered early, its body never came: vert.x#6328
      }
    }
    delegate.disconnected(connection.metric, remoteAddress);
  }

  @Override
  public Request requestBegin(Connection connection, HttpRequest request) {
    Connection on = connection == null ? new Connection(null) : connection;
    Request begun = new Request(delegate.requestBegin(on.metric, request), on);
    on.open.add(begun);
    return begun;
  }

  @Override
  public void requestEnd(Request request, HttpRequest http, long bytesRead) {
    if (request.ended || request.requestEnded) {
      return;
    }
    request.requestEnded = true;
    delegate.requestEnd(request.metric, http, bytesRead);
    endIfComplete(request);
  }

  @Override
  public void requestReset(Request request) {
    if (request.ended) {
      return; // the second reset of a malformed request
    }
    delegate.requestReset(request.metric);
    end(request);
  }

  @Override
  public void responseBegin(Request request, HttpResponse response) {
    if (!request.ended) {
      delegate.responseBegin(request.metric, response);
    }
  }

  @Override
  public Request responsePushed(
      Connection connection, HttpMethod method, String uri, HttpResponse response) {
    Connection on = connection == null ? new Connection(null) : connection;
    Request pushed = new Request(delegate.responsePushed(on.metric, method, uri, response), on);
    pushed.requestEnded = true; // a pushed response has no request half
    on.open.add(pushed);
    return pushed;
  }

  @Override
  public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
    if (request.ended || request.responseEnded) {
      return;
    }
    request.responseEnded = true;
    delegate.responseEnd(request.metric, response, bytesWritten);
    endIfComplete(request);
  }

  @Override
  public Object connected(Connection connection, Request request, ServerWebSocket webSocket) {
    return delegate.connected(metric(connection), request.metric, webSocket);
  }

  @Override
  public void disconnected(Object webSocketMetric) {
    delegate.disconnected(webSocketMetric);
  }

  @Override
  public void requestRouted(Request request, String route) {
    delegate.requestRouted(request.metric, route);
  }

  @Override
  public void bytesRead(Connection connection, SocketAddress remoteAddress, long numberOfBytes) {
    delegate.bytesRead(metric(connection), remoteAddress, numberOfBytes);
  }

  @Override
  public void bytesWritten(Connection connection, SocketAddress remoteAddress, long numberOfBytes) {
    delegate.bytesWritten(metric(connection), remoteAddress, numberOfBytes);
  }

  @Override
  public void exceptionOccurred(Connection connection, SocketAddress remoteAddress, Throwable t) {
    delegate.exceptionOccurred(metric(connection), remoteAddress, t);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private static Object metric(Connection connection) {
    return connection == null ? null : connection.metric;
  }

  private static void endIfComplete(Request request) {
    if (request.requestEnded && request.responseEnded) {
      end(request);
    }
  }

  private static void end(Request request) {
    request.ended = true;
    request.connection.open.remove(request);
  }
}
