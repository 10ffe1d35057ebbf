package org.ushs.gateway.connection;

/**
 * The bound on one connection's outbound side, counted in bytes: from a message's write until the
 * socket has taken it. A message is accepted while the pending bytes stay under {@code maxPending},
 * so at most {@code maxPending} plus one message wait in memory. Vert.x's own write-queue check
 * ({@code writeQueueFull}) bounds Netty's buffer in bytes but then lets 16 more messages of any
 * size queue, so it does not bound memory by itself. Used on the connection's event loop only.
 */
public final class OutboundQueue {

  private final long maxPending;
  private long pending;
  private Runnable onRoom;

  public OutboundQueue(long maxPending) {
    this.maxPending = maxPending;
  }

  /** Whether a message may be written now; if not, the client is too far behind. */
  public boolean hasRoom() {
    return pending < maxPending;
  }

  /** {@code bytes} were written. */
  public void added(long bytes) {
    pending += bytes;
  }

  /** {@code bytes} left for the socket, or were dropped with the connection. */
  public void taken(long bytes) {
    pending -= bytes;
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

  /** The bound this queue was made with. */
  public long maxPending() {
    return maxPending;
  }

  /** Bytes written and not yet taken by the socket. */
  public long pending() {
    return pending;
  }
}
