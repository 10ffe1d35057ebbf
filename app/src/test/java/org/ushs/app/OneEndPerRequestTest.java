package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the wrapped metrics see of one request for each order of events Vert.x 5.0.7 produces: every
 * request begun is ended once (both halves ended, or one reset), never twice, never not at all.
 */
class OneEndPerRequestTest {

  private static final SocketAddress REMOTE = SocketAddress.inetSocketAddress(40000, "127.0.0.1");

  /** The events given, as letters: q request end, s response end, r reset, d disconnect. */
  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of("qs", "begin requestEnd responseEnd disconnected"),
        Arguments.of("sq", "begin responseEnd requestEnd disconnected"),
        Arguments.of("rd", "begin reset disconnected"),
        // a malformed body: reset by the decoder failure, reset again when its 400 ends
        Arguments.of("rrs", "begin reset disconnected"),
        // answered before the body came, then the client closed (vert.x#6328)
        Arguments.of("sd", "begin responseEnd reset disconnected"),
        // the body in full, then a reset of the closing connection
        Arguments.of("sqr", "begin responseEnd requestEnd disconnected"),
        // an upgraded WebSocket's request: its response end never comes, nothing is invented
        Arguments.of("qd", "begin requestEnd disconnected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void eachRequestEndsOnce(String events, String expected) {
    Recording delegate = new Recording();
    OneEndPerRequest metrics = new OneEndPerRequest(delegate);
    OneEndPerRequest.Connection connection = metrics.connected(REMOTE, null);
    OneEndPerRequest.Request request = metrics.requestBegin(connection, null);
    boolean disconnected = false;
    for (int i = 0; i < events.length(); i++) {
      switch (events.charAt(i)) {
        case 'q' -> metrics.requestEnd(request, null, 0);
        case 's' -> metrics.responseEnd(request, null, 0);
        case 'r' -> metrics.requestReset(request);
        default -> {
          metrics.disconnected(connection, REMOTE);
          disconnected = true;
        }
      }
    }
    if (!disconnected) {
      metrics.disconnected(connection, REMOTE);
    }
    assertEquals(expected, String.join(" ", delegate.calls));
  }

  /** Records the calls that reach it. */
  private static final class Recording implements HttpServerMetrics<Object, Object, Object> {
    final List<String> calls = new ArrayList<>();

    @Override
    public Object connected(SocketAddress remoteAddress, String remoteName) {
      return "connection";
    }

    @Override
    public void disconnected(Object connection, SocketAddress remoteAddress) {
      calls.add("disconnected");
    }

    @Override
    public Object requestBegin(Object connection, HttpRequest request) {
      calls.add("begin");
      return "request";
    }

    @Override
    public void requestEnd(Object request, HttpRequest http, long bytesRead) {
      calls.add("requestEnd");
    }

    @Override
    public void requestReset(Object request) {
      calls.add("reset");
    }

    @Override
    public void responseEnd(Object request, HttpResponse response, long bytesWritten) {
      calls.add("responseEnd");
    }
  }
}
