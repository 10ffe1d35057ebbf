package org.ushs.client;

import java.util.Objects;
import org.ushs.client.event.UshsEvent;

/**
 * What the client has delivered, to drop duplicates and to resume. Within one epoch an event whose
 * sequence is not above the last delivered one is a duplicate; an event or a {@code replay} answer
 * of another epoch means the log started over, so the comparison starts over in that epoch (its
 * sequences may be lower). The resume point stays the last delivered event's until an event of the
 * new epoch is delivered: the server then answers {@code recovered:false}, which is the truth.
 * Pure, not thread-safe.
 */
final class ResumeState {

  private String lastEventId;
  private EventPosition lastPosition;
  private String epoch;
  private long lastSequence = -1;

  ResumeState(String lastEventId, EventPosition position) {
    this.lastEventId = lastEventId;
    this.lastPosition = position;
    if (position != null) {
      epoch = position.epoch();
      lastSequence = position.sequence();
    }
  }

  /** Whether to deliver {@code event}; if so it becomes the resume point. */
  boolean admit(UshsEvent event) {
    if (!Objects.equals(epoch, event.epoch())) {
      startEpoch(event.epoch());
    } else if (event.sequence() <= lastSequence) {
      return false;
    }
    lastSequence = event.sequence();
    lastEventId = event.id();
    lastPosition = event.position();
    return true;
  }

  /**
   * The server's {@code replay} answer: {@code logEpoch} is the log's epoch now (null from a server
   * without epochs, whose {@code recovered:false} may also mean sequences restarted).
   *
   * @return whether the log's epoch differs from the one compared in (the comparison starts over)
   */
  boolean replayed(String logEpoch, boolean recovered) {
    if (logEpoch == null) {
      if (!recovered) {
        lastSequence = -1;
      }
      return false;
    }
    if (logEpoch.equals(epoch)) {
      return false;
    }
    boolean reset = epoch != null;
    startEpoch(logEpoch);
    return reset;
  }

  private void startEpoch(String next) {
    epoch = next;
    lastSequence = -1;
  }

  ResumePoint point() {
    return new ResumePoint(lastEventId, lastPosition);
  }

  String lastEventId() {
    return lastEventId;
  }

  EventPosition lastPosition() {
    return lastPosition;
  }

  /** The epoch sequences are compared in; null before any is known. */
  String epoch() {
    return epoch;
  }
}
