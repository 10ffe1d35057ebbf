package org.ushs.client;

import java.util.Objects;
import org.ushs.client.event.UshsEvent;

/**
 * What the client has delivered, to drop duplicates and to resume. Pure, not thread-safe.
 *
 * <p>Live events come in sequence order: within one epoch an event whose sequence is not above the
 * newest delivered one is a duplicate. A subscription added to a connection (every one the client
 * re-sends as a command) is replayed by the server after events of the other subscriptions were
 * delivered, so its events may have lower sequences: between the {@code subscribed} answer of such
 * a subscription and its {@code replay} answer (a <em>replay window</em>; the client keeps one open
 * at a time, and the server sends nothing else meanwhile) events come in sequence order from the
 * subscription's mark, and an event is a duplicate only if its sequence is not above the window's
 * last. The window's progress is where that subscription resumes if the connection drops.
 *
 * <p>An event or a {@code replay} answer of another epoch means the log started over, so the
 * comparison starts over in that epoch (its sequences may be lower). The newest point stays the
 * last delivered event's until an event of the new epoch is delivered: the server then answers
 * {@code recovered:false}, which is the truth.
 */
final class ResumeState {

  private ResumePoint newest;
  private String epoch;
  private long newestSequence = -1;
  private SubscriptionLog.Entry windowOwner;
  private ResumePoint windowProgress;
  private long windowSequence = -1;

  ResumeState(String lastEventId, EventPosition position) {
    this.newest = new ResumePoint(lastEventId, position);
    if (position != null) {
      epoch = position.epoch();
      newestSequence = position.sequence();
    }
  }

  /** Whether to deliver {@code event}; if so it advances the newest point or the open window. */
  boolean admit(UshsEvent event) {
    if (!Objects.equals(epoch, event.epoch())) {
      startEpoch(event.epoch());
    } else if (event.sequence() <= (windowOwner != null ? windowSequence : newestSequence)) {
      return false;
    }
    ResumePoint point = new ResumePoint(event.id(), event.position());
    if (windowOwner != null) {
      windowSequence = event.sequence();
      windowProgress = point;
    }
    if (event.sequence() > newestSequence) {
      newestSequence = event.sequence();
      newest = point;
    }
    return true;
  }

  /** {@code owner}'s replay starts: events come from its mark until {@link #replayed}. */
  void openWindow(SubscriptionLog.Entry owner) {
    windowOwner = owner;
    windowProgress = owner.mark();
    EventPosition from = owner.mark().position();
    windowSequence = from != null && from.epoch().equals(epoch) ? from.sequence() : -1;
    owner.phase(SubscriptionLog.Phase.REPLAYING);
  }

  /** The open window's progress (null when none is open). */
  ResumePoint windowProgress() {
    return windowOwner == null ? null : windowProgress;
  }

  /** The connection ended: no window stays open. */
  void disconnected() {
    windowOwner = null;
    windowProgress = null;
  }

  /**
   * The server's {@code replay} answer: {@code logEpoch} is the log's epoch now (null from a server
   * without epochs, whose {@code recovered:false} may also mean sequences restarted); with {@code
   * closesWindow}, the open window's subscription is live from now on.
   *
   * @return whether the log's epoch differs from the one compared in (the comparison starts over)
   */
  boolean replayed(String logEpoch, boolean recovered, boolean closesWindow) {
    if (closesWindow && windowOwner != null) {
      windowOwner.phase(SubscriptionLog.Phase.LIVE);
      disconnected();
    }
    if (logEpoch == null) {
      if (!recovered) {
        newestSequence = -1;
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
    newestSequence = -1;
    windowSequence = -1;
  }

  /** The newest event delivered (or the configured point before any). */
  ResumePoint newest() {
    return newest;
  }

  /** The epoch sequences are compared in; null before any is known. */
  String epoch() {
    return epoch;
  }
}
