package org.ushs.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.event.SequencedEvent;
import org.ushs.gateway.connection.Liveness;
import org.ushs.gateway.connection.OutboundQueue;
import org.ushs.gateway.connection.Shedding;
import org.ushs.gateway.connection.TokenBucket;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.transport.ClientChannel;

/**
 * What one client connection may do to the node, whatever transport carries it: its messages (and
 * pings) pass a token bucket, any frame from it counts as alive for the heartbeat, its outbound
 * queue is bounded in bytes ({@code USHS_MAX_PENDING}, then 4006), a protocol violation closes it
 * with the transport's code, and a close waits at most {@link #CLOSE_WAIT_MS} for the client's
 * reply before the connection is dropped. Lives on the connection's event loop and is never locked.
 */
final class Connection implements ClientChannel.Listener {

  /** How long a closed connection may take to answer the close frame. */
  static final long CLOSE_WAIT_MS = 10_000;

  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  private final Vertx vertx;
  private final ClientChannel channel;
  private final OutboundQueue out;
  private final GatewayMetrics metrics;
  private final String identity;
  private final TokenBucket bucket;
  private final Liveness liveness = new Liveness();
  private final Shedding shedding;
  private final Supplier<String> epoch;
  private Handler<String> text;
  private Handler<Buffer> binary;
  private boolean closing;
  private long dropTimer = -1;

  /**
   * {@code identity} names the principal in logs (never a secret); {@code epoch} gives the log's
   * epoch for the gaps this connection announces.
   */
  Connection(
      Vertx vertx,
      ClientChannel channel,
      OutboundQueue out,
      GatewaySettings settings,
      GatewayMetrics metrics,
      String identity,
      Supplier<String> epoch) {
    this.vertx = vertx;
    this.channel = channel;
    this.out = out;
    this.metrics = metrics;
    this.identity = identity;
    this.epoch = epoch;
    this.shedding = new Shedding(out.maxPending());
    this.bucket = new TokenBucket(settings.rateLimit(), settings.rateBurst(), System::nanoTime);
    channel.closed().onComplete(closed -> onClosed());
  }

  /**
   * Whether the outbound queue is half full, so that a bulk sender (a replay) should pause; then
   * {@code onRoom} runs once it has drained to a quarter.
   */
  boolean busy(Handler<Void> onRoom) {
    channel.flush();
    return out.busy(() -> onRoom.handle(null));
  }

  boolean isClosing() {
    return closing;
  }

  SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  /** Starts reading: each text or binary message within the rate limit goes to its handler. */
  void open(Handler<String> text, Handler<Buffer> binary) {
    this.text = text;
    this.binary = binary;
    channel.open(this);
  }

  /** Completes once the connection is closed, by either side. */
  Future<Void> closed() {
    return channel.closed();
  }

  /** Queues a message; a client too far behind is closed with 4006 instead. */
  void send(Buffer json) {
    if (!channel.inEventLoop()) {
      channel.execute(() -> send(json));
      return;
    }
    // once the client's close came (it was answered), nothing may follow
    if (!channel.peerClosed()) {
      queue(json);
    }
  }

  /** Sends {@code json} unless closing; the caller checked the loop and the client's close. */
  private void queue(Buffer json) {
    if (closing) {
      return;
    }
    if (out.hasRoom()) {
      channel.send(json);
    } else {
      close(ErrorCode.SLOW_CONSUMER, ErrorCode.SLOW_CONSUMER.message);
    }
  }

  /**
   * Queues an event, unless the client is past the soft mark and the event's severity is shed
   * ({@link Shedding}); the run shed before it goes first, as a {@code gap} with reason {@code
   * shed}. Past the hard bound the client is closed with 4006, whatever the severity.
   */
  void sendEvent(SequencedEvent event) {
    if (!channel.inEventLoop()) {
      channel.execute(() -> sendEvent(event));
      return;
    }
    if (closing || channel.peerClosed()) {
      return;
    }
    if (shedding.shed(event.keys().severity(), out.pending(), event.sequence())) {
      metrics.shed();
      return;
    }
    Shedding.Run run = shedding.takeRun();
    if (run != null) {
      queue(ServerMessages.gap(epoch.get(), run.from(), run.to(), run.count(), "shed"));
    }
    queue(event.json());
  }

  /** A heartbeat tick: ping, or close with 1001 after too many unanswered pings. */
  void heartbeat() {
    if (closing) {
      return;
    }
    if (liveness.tick() == Liveness.Beat.TIMEOUT) {
      close(ErrorCode.GOING_AWAY, "heartbeat timeout");
    } else {
      channel.ping();
    }
  }

  /** Sends a close frame once; drops the connection if the close is not done in time. */
  void close(ErrorCode code, String reason) {
    if (closing) {
      return;
    }
    closing = true;
    metrics.closedByServer(code);
    LOG.log(
        Level.INFO,
        "closing connection of {0} from {1}: {2} {3}",
        new Object[] {identity, channel.remoteAddress(), Integer.toString(code.code), reason});
    channel.close(code.code, reason);
    dropTimer = vertx.setTimer(CLOSE_WAIT_MS, id -> channel.drop());
  }

  @Override
  public boolean frame(boolean ping) {
    liveness.heard();
    return !ping || admit();
  }

  @Override
  public void text(String message) {
    if (admit()) {
      text.handle(message);
    }
  }

  @Override
  public void binary(Buffer message) {
    if (admit()) {
      binary.handle(message);
    }
  }

  @Override
  public void violated(ErrorCode code) {
    close(code, code.message);
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

  private void onClosed() {
    closing = true;
    vertx.cancelTimer(dropTimer);
  }
}
