package org.ushs.gateway.connection;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Function;

/**
 * The bounded outbound side of one connection, counted in bytes: a message is written while the
 * bytes written but not yet handed to the socket stay under {@code maxPending}, so at most {@code
 * maxPending} plus one message wait in memory. A write counts from the call until its future
 * completes (the bytes left for the socket buffer, or the connection failed), as its length plus
 * {@code overhead}: what a queued write holds besides its bytes (frame, promise, buffer entries),
 * so that small messages are not undercounted. Vert.x's own write-queue check ({@code
 * writeQueueFull}) bounds Netty's buffer in bytes but then lets 16 more messages of any size queue,
 * so it does not bound memory by itself. Used on the connection's event loop only.
 */
public final class OutboundQueue {

  /** The overhead to count per message: about 550 bytes of heap per queued write on JDK 17. */
  public static final int MESSAGE_OVERHEAD = 512;

  private final long maxPending;
  private final int overhead;
  private final Function<Buffer, Future<Void>> writer;
  private long pending;
  private Runnable onRoom;

  /** {@code writer} writes one message and completes when it has left for the socket. */
  public OutboundQueue(long maxPending, int overhead, Function<Buffer, Future<Void>> writer) {
    this.maxPending = maxPending;
    this.overhead = overhead;
    this.writer = writer;
  }

  /** Writes {@code message}, or returns false without writing when the client is too far behind. */
  public boolean offer(Buffer message) {
    if (pending >= maxPending) {
      return false;
    }
    long size = (long) message.length() + overhead;
    pending += size;
    writer.apply(message).onComplete(written -> written(size));
    return true;
  }

  private void written(long size) {
    pending -= size;
    if (onRoom != null && pending <= maxPending / 4) {
      Runnable room = onRoom;
      onRoom = null;
      room.run();
    }
  }

  /**
   * Whether the queue is at least half full, for a bulk sender to pause before the client is closed
   * as slow; if so, {@code room} runs once, when it has drained to a quarter.
   */
  public boolean busy(Runnable room) {
    if (pending < maxPending / 2) {
      return false;
    }
    onRoom = room;
    return true;
  }

  /** Bytes (with their overhead) written and not yet handed to the socket. */
  public long pending() {
    return pending;
  }
}
