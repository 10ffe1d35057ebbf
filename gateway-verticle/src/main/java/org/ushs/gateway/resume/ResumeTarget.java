package org.ushs.gateway.resume;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import org.ushs.common.event.SequencedEvent;

/** What a {@link ReplayRun} needs of its connection. Implemented by the session; one thread. */
public interface ResumeTarget {

  /**
   * Whether the connection wants {@code event} now: permitted, subscribed, and not sent before (for
   * events up to the run's boundary: not matched by the subscriptions that were already live).
   */
  boolean wants(SequencedEvent event);

  /** Sends an event the connection wants. */
  void sendEvent(SequencedEvent event);

  /** Sends a control message. */
  void sendMessage(Buffer json);

  /**
   * Tells the client that events {@code from}..{@code to} will not reach it ({@code reason} as in
   * the gap message), unless a notice already covered that range.
   */
  void sendGap(long from, long to, long count, String reason);

  /** Whether the outbound queue is full; {@code onDrain} runs once it has room. */
  boolean writeQueueFull(Handler<Void> onDrain);

  boolean isClosing();

  /** Ends the connection because the log failed mid-replay; the client resumes again. */
  void failReplay();

  /** The run is over; live events go straight to the socket again (or to the next run). */
  void replayEnded();
}
