package org.ushs.gateway.resume;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import org.ushs.common.event.SequencedEvent;

/** What a {@link Resume} needs of its session. Implemented by the session; one thread. */
public interface ResumeTarget {

  /** Whether the session wants {@code event}: permitted, subscribed, not yet sent. */
  boolean wants(SequencedEvent event);

  /** Sends an event the session wants. */
  void sendEvent(SequencedEvent event);

  /** Sends a control message. */
  void sendMessage(Buffer json);

  /** Whether the outbound queue is full; {@code onDrain} runs once it has room. */
  boolean writeQueueFull(Handler<Void> onDrain);

  boolean isClosing();

  /** Ends the connection because the log failed mid-replay; the client resumes again. */
  void failReplay();

  /** The resume is over; live events go straight to the socket from now on. */
  void resumed();
}
