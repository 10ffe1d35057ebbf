package org.ushs.gateway;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.config.GatewaySettings;
import org.ushs.gateway.connection.Liveness;
import org.ushs.gateway.connection.OutboundQueue;
import org.ushs.gateway.connection.TokenBucket;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ServerMessages;

/**
 * What one client connection may do to the node: its messages (and pings) pass a token bucket, any
 * frame from it counts as alive for the heartbeat, its outbound queue is bounded in bytes, a frame
 * or message over the size limit closes it with 1009, and a close waits at most {@link
 * #CLOSE_WAIT_MS} for the client's reply before the TCP connection is dropped. Lives on the
 * connection's event loop and is never locked.
 */
final class Connection {

  /** How long a closed connection may take to answer the close frame. */
  static final long CLOSE_WAIT_MS = 10_000;

  /** A burst of writes is flushed at the latest once it holds this much. */
  private static final int FLUSH_BYTES = 32 * 1024;

  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final GatewayMetrics metrics;
  private final String identity;
  private final TokenBucket bucket;
  private final OutboundQueue out;
  private final CoalescingWriter writer;
  private final Liveness liveness = new Liveness();
  private final Promise<Void> closed = Promise.promise();
  private boolean closing;
  private long dropTimer = -1;

  /** {@code identity} names the principal in logs (never a secret). */
  Connection(
      Vertx vertx,
      ServerWebSocket ws,
      GatewaySettings settings,
      GatewayMetrics metrics,
      Flusher flusher,
      String identity) {
    this.vertx = vertx;
    this.ws = ws;
    this.metrics = metrics;
    this.identity = identity;
    this.bucket = new TokenBucket(settings.rateLimit(), settings.rateBurst(), System::nanoTime);
    this.out = new OutboundQueue(settings.maxPending());
    int flushBytes = Math.min(FLUSH_BYTES, settings.maxPending() / 4);
    this.writer = new CoalescingWriter(ws, flusher, out, metrics, flushBytes);
  }

  /**
   * Whether the outbound queue is half full, so that a bulk sender (a replay) should pause; then
   * {@code onRoom} runs once it has drained to a quarter.
   */
  boolean busy(Handler<Void> onRoom) {
    writer.flush();
    return out.busy(() -> onRoom.handle(null));
  }

  boolean isClosing() {
    return closing;
  }

  SocketAddress remoteAddress() {
    return ws.remoteAddress();
  }

  /** Starts reading: each text or binary message within the rate limit goes to its handler. */
  void open(Handler<String> text, Handler<Buffer> binary) {
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(this::onFailure);
    ws.frameHandler(
        frame -> {
          liveness.heard();
          if (frame.isPing()) {
            admit();
          }
        });
    ws.textMessageHandler(message -> admitted(message, text));
    ws.binaryMessageHandler(message -> admitted(message, binary));
  }

  /** Completes once the connection is closed, by either side. */
  Future<Void> closed() {
    return closed.future();
  }

  /** Queues a message; a client too far behind is closed with 4006 instead. */
  void send(Buffer json) {
    if (!writer.inEventLoop()) {
      writer.execute(() -> send(json));
      return;
    }
    if (closing || ws.isClosed()) {
      return; // isClosed: the client's close frame came (Vert.x answered it); nothing may follow
    }
    if (out.hasRoom()) {
      writer.text(json);
    } else {
      close(ErrorCode.SLOW_CONSUMER, ErrorCode.SLOW_CONSUMER.message);
    }
  }

  /** A heartbeat tick: ping, or close with 1001 after too many unanswered pings. */
  void heartbeat() {
    if (closing) {
      return;
    }
    if (liveness.tick() == Liveness.Beat.TIMEOUT) {
      close(ErrorCode.GOING_AWAY, "heartbeat timeout");
    } else {
      writer.ping();
    }
  }

  /** Sends a close frame once; drops the TCP connection if the close is not done in time. */
  void close(ErrorCode code, String reason) {
    if (closing) {
      return;
    }
    closing = true;
    metrics.closedByServer(code);
    LOG.log(
        Level.INFO,
        "closing connection of {0} from {1}: {2} {3}",
        new Object[] {identity, ws.remoteAddress(), Integer.toString(code.code), reason});
    writer.flush();
    ws.close((short) code.code, reason);
    dropTimer = vertx.setTimer(CLOSE_WAIT_MS, id -> Channels.drop(ws));
  }

  private <T> void admitted(T message, Handler<T> handler) {
    if (admit()) {
      handler.handle(message);
    }
  }

  private boolean admit() {
    if (closing) {
      return false;
    }
    if (bucket.tryTake()) {
      return true;
    }
    String reason = bucket.limitReason();
    send(ServerMessages.error(ErrorCode.RATE_LIMITED, reason, null, null));
    close(ErrorCode.RATE_LIMITED, reason);
    return false;
  }

  /** Vert.x reports an oversized frame or message here, and would close with 1006 or not at all. */
  private void onFailure(Throwable failure) {
    if (failure instanceof CorruptedWebSocketFrameException corrupt) {
      boolean tooBig = corrupt.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG);
      ErrorCode code = tooBig ? ErrorCode.MESSAGE_TOO_BIG : ErrorCode.PROTOCOL_ERROR;
      close(code, code.message);
    } else if (failure instanceof IllegalStateException) {
      close(ErrorCode.MESSAGE_TOO_BIG, ErrorCode.MESSAGE_TOO_BIG.message);
    }
  }

  private void onClosed() {
    closing = true;
    vertx.cancelTimer(dropTimer);
    closed.tryComplete();
  }
}
