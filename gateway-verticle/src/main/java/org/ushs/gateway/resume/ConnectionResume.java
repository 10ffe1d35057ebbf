package org.ushs.gateway.resume;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.SequencedEvent;
import org.ushs.gateway.protocol.Command;
import org.ushs.gateway.subscription.Selector;
import org.ushs.gateway.subscription.Subscriptions;

/**
 * A connection's resume point, applied to every subscription added to it (CONTRACT §6): each new
 * subscription is replayed from the point (its own, when the {@code subscribe} names one) by a
 * {@link ReplayRun}, merged with what the connection already receives. Runs go one at a time;
 * subscriptions made while one runs are replayed together by the next, so each run answers one
 * {@code replay}. A connection with a point and no subscription waits up to {@code resumeWait} for
 * its first {@code subscribe}, then answers {@code replay} for no subscription. An {@code
 * unsubscribe} narrows the subscriptions waiting for their replay as it narrows the connection's;
 * one left empty is dropped with its replay. One thread.
 */
public final class ConnectionResume {

  private record Pending(Subscriptions subscription, ResumePoint point) {}

  private final Vertx vertx;
  private final ResumeTarget target;
  private final Replays replays;
  private final ResumeResolver resolver;
  private final ResumePoint point;
  private final Supplier<Subscriptions> subscriptions;
  private final Consumer<Subscriptions> apply;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final Map<ResumePoint, Future<Long>> resolved = new HashMap<>();
  private ReplayRun run;
  private Subscriptions covered;
  private long waitTimer = -1;

  /**
   * Resumes from {@code point} (null: only subscriptions that name their own point replay); {@code
   * apply} adds a subscription to the connection, {@code subscriptions} is the connection's.
   */
  public ConnectionResume(
      Vertx vertx,
      ResumeTarget target,
      Replays replays,
      ResumePoint point,
      Supplier<Subscriptions> subscriptions,
      Consumer<Subscriptions> apply) {
    this.vertx = vertx;
    this.target = target;
    this.replays = replays;
    this.resolver = replays.resolver();
    this.point = point;
    this.subscriptions = subscriptions;
    this.apply = apply;
  }

  /** With no subscription yet: answers {@code replay} after {@code wait} unless one comes. */
  public void awaitFirstSubscription(Duration wait) {
    waitTimer =
        vertx.setTimer(
            Math.max(1, wait.toMillis()),
            id -> {
              waitTimer = -1;
              if (run == null && pending.isEmpty()) {
                startRun(List.of(), point);
              }
            });
  }

  /** Adds {@code subscribe} with what it missed since its (or the connection's) point. */
  public void subscribe(Command.Subscribe subscribe) {
    ResumePoint from = subscribe.resumeFrom() != null ? subscribe.resumeFrom() : point;
    Subscriptions added = Subscriptions.of(subscribe.selectors(), subscribe.filter());
    if (from == null) {
      // live from now on: applied at once, also while a run replays other subscriptions, so that
      // no live event after its "subscribed" is missed (the run holds and merges what matches it)
      apply.accept(added);
      return;
    }
    vertx.cancelTimer(waitTimer);
    pending.add(new Pending(added, from));
    if (run == null) {
      startNext();
    }
  }

  /** Starts one run for the oldest waiting point, with every subscription waiting on it. */
  private void startNext() {
    if (pending.isEmpty()) {
      return;
    }
    ResumePoint from = pending.peek().point();
    List<Subscriptions> batch = new ArrayList<>();
    pending.removeIf(p -> p.point().equals(from) && batch.add(p.subscription()));
    startRun(batch, from);
  }

  private void startRun(List<Subscriptions> added, ResumePoint from) {
    covered = subscriptions.get().copy();
    added.forEach(apply);
    run = new ReplayRun(target, replays, replays.handedOut().getAsLong());
    Future<Long> after = resolve(from);
    if (subscriptions.get().isEmpty()) {
      run.answerOnly(after);
    } else {
      run.start(after);
    }
  }

  private Future<Long> resolve(ResumePoint from) {
    Future<Long> known = resolved.get(from);
    if (known == null || known.failed()) {
      known = resolver.after(from);
      resolved.put(from, known);
    }
    return known;
  }

  /** Whether {@code subscribe} gets a replay: it names a point, or the connection has one. */
  public boolean replays(Command.Subscribe subscribe) {
    return subscribe.resumeFrom() != null || point != null;
  }

  /** Subscriptions waiting for their replay (not yet the connection's). */
  public int pendingSubscriptions() {
    return pending.size();
  }

  /** The selectors of {@link #pendingSubscriptions()}. */
  public int pendingSelectors() {
    return pending.stream().mapToInt(p -> p.subscription().selectorCount()).sum();
  }

  /**
   * Removes {@code selectors} from the subscriptions waiting for their replay (as {@link
   * Subscriptions#remove} does); one left empty goes, and its replay with it. Whether any changed.
   */
  public boolean unsubscribe(List<Selector> selectors) {
    boolean changed = false;
    for (Pending waiting : pending) {
      changed |= waiting.subscription().remove(selectors);
    }
    pending.removeIf(p -> p.subscription().isEmpty());
    return changed;
  }

  /** The run in progress, or null. */
  public ReplayRun running() {
    return run;
  }

  /**
   * Whether an event up to the run's boundary was already the connection's before the run: matched
   * by the subscriptions it had then.
   */
  public boolean coveredBefore(SequencedEvent event) {
    EventKeys keys = event.keys();
    return covered.matches(keys);
  }

  /** The run ended: the next one starts, if subscriptions wait. */
  public void runEnded() {
    run = null;
    covered = null;
    startNext();
  }

  /** The connection closed. */
  public void closed() {
    vertx.cancelTimer(waitTimer);
    pending.clear();
  }
}
