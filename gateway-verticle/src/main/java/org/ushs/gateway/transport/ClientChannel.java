package org.ushs.gateway.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;
import org.ushs.gateway.protocol.ErrorCode;

/**
 * One client's connection as the node's policy (rate, heartbeat, backpressure) and the session see
 * it, whatever carries it (a WebSocket today; a second transport such as server-sent events
 * implements this and nothing else). Outbound messages are UTF-8 JSON; the bytes a channel has
 * taken and the socket not yet are counted in the {@link org.ushs.gateway.connection.OutboundQueue}
 * it was opened with, so the bound is exact. A message buffer sent to several channels one after
 * the other (an event going to its subscribers) is framed once and shared by them: callers must not
 * modify a buffer once sent. Every method is called on the channel's event loop ({@link
 * #inEventLoop()}, {@link #execute}).
 */
public interface ClientChannel {

  /** What a channel reports from its client. Called on the channel's event loop. */
  interface Listener {

    /**
     * A frame came (the client is alive). For a ping, whether it may be answered: false drops it
     * unanswered (the client is over its rate or being closed).
     */
    boolean frame(boolean ping);

    /** A whole text message, valid UTF-8. */
    void text(String message);

    /** A whole binary message. */
    void binary(Buffer message);

    /** The client broke the protocol or a size limit; the channel is to be closed with it. */
    void violated(ErrorCode code);
  }

  /** Starts reading; what comes goes to {@code listener}. */
  void open(Listener listener);

  /** Queues one text message; it leaves in order with the others, at the channel's next flush. */
  void send(Buffer message);

  /** Queues a ping and flushes now, after what is queued. */
  void ping();

  /** Hands what is queued to the socket now. */
  void flush();

  /** Flushes, then sends a close with {@code code} and {@code reason}; nothing may follow it. */
  void close(int code, String reason);

  /** Drops the connection now, with whatever is still queued. */
  void drop();

  /** Whether the client's close came (it was answered): nothing may be sent any more. */
  boolean peerClosed();

  /** Completes once the connection is closed, by either side. */
  Future<Void> closed();

  SocketAddress remoteAddress();

  boolean inEventLoop();

  /** Runs {@code task} on the channel's event loop, after what is queued there. */
  void execute(Runnable task);
}
