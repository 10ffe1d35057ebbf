package org.ushs.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import org.ushs.common.event.SequencedEvent;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ServerMessages;
import org.ushs.gateway.resume.Replays;
import org.ushs.gateway.resume.ResumeTarget;

/**
 * The outbound stream of one session as its replays see it: events and control messages to the
 * connection, the newest sequence sent (live delivery never goes back), and the gap notices sent
 * (each range announced once). One thread.
 */
final class SessionStream implements ResumeTarget {

  private final ClientSession session;
  private final Connection connection;
  private final Replays replays;
  private long lastSequence = -1;
  private long announcedUpTo = -1;

  SessionStream(ClientSession session, Connection connection, Replays replays) {
    this.session = session;
    this.connection = connection;
    this.replays = replays;
  }

  /** The newest sequence sent, -1 before any. */
  long lastSequence() {
    return lastSequence;
  }

  /** Writes a live event; the caller counts it. */
  void write(SequencedEvent event) {
    lastSequence = Math.max(lastSequence, event.sequence());
    connection.sendEvent(event);
  }

  @Override
  public boolean wants(SequencedEvent event) {
    return session.wants(event);
  }

  @Override
  public void sendEvent(SequencedEvent event) {
    write(event);
    replays.metrics().delivered(1);
  }

  @Override
  public void sendMessage(Buffer json) {
    connection.send(json);
  }

  @Override
  public void sendGap(long from, long to, long count, String reason) {
    if (to <= announcedUpTo) {
      return;
    }
    long start = Math.max(from, announcedUpTo + 1);
    announcedUpTo = to;
    long counted = start == from ? count : to - start + 1;
    connection.send(ServerMessages.gap(replays.resumeLog().epoch(), start, to, counted, reason));
  }

  @Override
  public boolean writeQueueFull(Handler<Void> onDrain) {
    return connection.busy(onDrain);
  }

  @Override
  public boolean isClosing() {
    return connection.isClosing();
  }

  @Override
  public void failReplay() {
    connection.close(ErrorCode.SERVER_ERROR, "replay failed");
  }

  @Override
  public void replayEnded() {
    session.replayEnded();
  }
}
