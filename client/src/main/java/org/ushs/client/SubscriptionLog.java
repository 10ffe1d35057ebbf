package org.ushs.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The subscribe and unsubscribe commands in effect, compacted, to restore them on a new connection
 * in the same order (so the server's subscription state ends up the same), each subscription with
 * its own resume mark. Pure, not thread-safe.
 *
 * <p>An unsubscribe removes its names from the earlier subscribes (dropping emptied ones) and is
 * kept only while some subscribe remains before it, since the server also narrows {@code *} and
 * categories by it; consecutive unsubscribes merge. So toggling a subscription does not grow it.
 *
 * <p>Marks: a subscription that is live on the current connection has received everything up to the
 * client's newest event; one being replayed, everything up to its replay's progress; one not yet
 * restored on this connection, everything up to its mark. When a connection ends, each mark is
 * frozen there ({@link #disconnected}), and the next connection resumes each subscription from its
 * own mark, as a Centrifugo client recovers each channel from its own offset.
 */
final class SubscriptionLog {

  /** Where a subscription stands on the current connection. */
  enum Phase {
    /** Not (yet) restored on this connection: it has everything up to its mark. */
    WAITING,
    /** Its replay runs: it has everything up to the replay's progress. */
    REPLAYING,
    /** Live: it has everything up to the client's newest event. */
    LIVE
  }

  /** A subscribe (subscription set) or an unsubscribe (names set). One thread. */
  static final class Entry {
    private Subscription subscription;
    private final List<String> unsubscribe;
    private ResumePoint mark;
    private Phase phase = Phase.WAITING;

    private Entry(Subscription subscription, List<String> unsubscribe, ResumePoint mark) {
      this.subscription = subscription;
      this.unsubscribe = unsubscribe;
      this.mark = mark;
    }

    Subscription subscription() {
      return subscription;
    }

    List<String> unsubscribe() {
      return unsubscribe;
    }

    ResumePoint mark() {
      return mark;
    }

    Phase phase() {
      return phase;
    }

    void phase(Phase next) {
      phase = next;
    }

    /** The command restoring this entry; a subscribe carries its mark, else {@code fallback}. */
    JsonObject command(ResumePoint fallback) {
      if (subscription == null) {
        return unsubscribeCommand(unsubscribe);
      }
      if (mark.isEmpty()) {
        mark = fallback; // the server resumes it from the connection's point
      }
      return mark.addTo(subscription.toCommand());
    }

    /** Whether the server answers this entry's command with a replay. */
    boolean replays(ResumePoint connectionPoint) {
      return subscription != null && !(mark.isEmpty() && connectionPoint.isEmpty());
    }

    private void narrow(List<String> types) {
      subscription = subscription.withEventTypes(types);
    }
  }

  /** What a new connection sends: the query's subscription (or null), then commands. */
  record Plan(Entry query, List<Entry> commands) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Adds a subscription that has everything up to {@code mark} (empty: live from now). */
  Entry subscribed(Subscription subscription, ResumePoint mark) {
    Entry entry = new Entry(subscription, null, mark);
    entries.add(entry);
    return entry;
  }

  /** Forgets a subscribe the server refused. */
  void refused(Entry entry) {
    entries.remove(entry);
  }

  void unsubscribed(List<String> names) {
    List<Entry> kept = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.subscription() == null) {
        kept.add(entry);
        continue;
      }
      List<String> left = new ArrayList<>(entry.subscription().eventTypes());
      left.removeAll(names);
      if (!left.isEmpty()) {
        entry.narrow(left);
        kept.add(entry);
      }
    }
    entries.clear();
    entries.addAll(kept);
    if (entries.stream().noneMatch(entry -> entry.subscription() != null)) {
      entries.clear();
      return;
    }
    Entry last = entries.get(entries.size() - 1);
    if (last.unsubscribe() != null) {
      Set<String> merged = new LinkedHashSet<>(last.unsubscribe());
      merged.addAll(names);
      entries.set(entries.size() - 1, new Entry(null, List.copyOf(merged), null));
    } else {
      entries.add(new Entry(null, List.copyOf(names), null));
    }
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The first subscribe goes in the query when it can; the rest are commands, in order. */
  Plan plan() {
    boolean inQuery =
        !entries.isEmpty()
            && entries.get(0).subscription() != null
            && entries.get(0).subscription().fitsQuery();
    return inQuery
        ? new Plan(entries.get(0), List.copyOf(entries.subList(1, entries.size())))
        : new Plan(null, List.copyOf(entries));
  }

  /**
   * The connection ended: live subscriptions have everything up to {@code newest}, the one being
   * replayed up to {@code progress}; each keeps that mark, and all wait for the next connection.
   */
  void disconnected(ResumePoint newest, ResumePoint progress) {
    for (Entry entry : entries) {
      if (entry.phase == Phase.LIVE) {
        entry.mark = newest;
      } else if (entry.phase == Phase.REPLAYING && progress != null) {
        entry.mark = progress;
      }
      entry.phase = Phase.WAITING;
    }
  }

  /**
   * The point up to which every subscription has everything: the lowest mark of {@code newest}'s
   * epoch among those not live, or {@code newest}. What a later client may resume all from.
   */
  ResumePoint lowest(ResumePoint newest, ResumePoint progress) {
    ResumePoint lowest = newest;
    for (Entry entry : entries) {
      if (entry.subscription() == null || entry.phase == Phase.LIVE) {
        continue;
      }
      ResumePoint mark = entry.phase == Phase.REPLAYING && progress != null ? progress : entry.mark;
      if (below(mark, lowest)) {
        lowest = mark;
      }
    }
    return lowest;
  }

  private static boolean below(ResumePoint mark, ResumePoint than) {
    if (mark == null || mark.position() == null || than.position() == null) {
      return false;
    }
    return mark.position().epoch().equals(than.position().epoch())
        && mark.position().sequence() < than.position().sequence();
  }

  static JsonObject unsubscribeCommand(List<String> names) {
    return new JsonObject().put("command", "unsubscribe").put("eventTypes", new JsonArray(names));
  }
}
