package org.ushs.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The subscribe and unsubscribe commands in effect, compacted, to restore them on a new connection
 * in the same order (so the server's subscription state ends up the same). Pure, not thread-safe.
 *
 * <p>An unsubscribe removes its names from the earlier subscribes (dropping emptied ones) and is
 * kept only while some subscribe remains before it, since the server also narrows {@code *} and
 * categories by it; consecutive unsubscribes merge. So toggling a subscription does not grow it.
 */
final class SubscriptionLog {

  /** A subscribe (subscription set) or an unsubscribe (names set). */
  record Op(Subscription subscription, List<String> unsubscribe) {}

  /** What a new connection sends: the query's subscription (or null), then commands. */
  record Plan(Subscription query, List<JsonObject> commands) {}

  private final List<Op> ops = new ArrayList<>();

  void subscribed(Subscription subscription) {
    ops.add(new Op(subscription, null));
  }

  /** Forgets a subscribe the server refused. */
  void refused(Subscription subscription) {
    for (int i = ops.size() - 1; i >= 0; i--) {
      if (subscription.equals(ops.get(i).subscription())) {
        ops.remove(i);
        return;
      }
    }
  }

  void unsubscribed(List<String> names) {
    List<Op> kept = new ArrayList<>();
    for (Op op : ops) {
      if (op.subscription() == null) {
        kept.add(op);
        continue;
      }
      List<String> left = new ArrayList<>(op.subscription().eventTypes());
      left.removeAll(names);
      if (!left.isEmpty()) {
        kept.add(new Op(op.subscription().withEventTypes(left), null));
      }
    }
    ops.clear();
    ops.addAll(kept);
    if (ops.stream().noneMatch(op -> op.subscription() != null)) {
      ops.clear();
      return;
    }
    Op last = ops.get(ops.size() - 1);
    if (last.unsubscribe() != null) {
      Set<String> merged = new LinkedHashSet<>(last.unsubscribe());
      merged.addAll(names);
      ops.set(ops.size() - 1, new Op(null, List.copyOf(merged)));
    } else {
      ops.add(new Op(null, List.copyOf(names)));
    }
  }

  List<Op> ops() {
    return List.copyOf(ops);
  }

  /** The first subscribe goes in the query when it can; the rest are commands, in order. */
  Plan plan() {
    Subscription query = null;
    List<JsonObject> commands = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (i == 0 && op.subscription() != null && op.subscription().fitsQuery()) {
        query = op.subscription();
      } else if (op.subscription() != null) {
        commands.add(op.subscription().toCommand());
      } else {
        commands.add(unsubscribeCommand(op.unsubscribe()));
      }
    }
    return new Plan(query, commands);
  }

  static JsonObject unsubscribeCommand(List<String> names) {
    return new JsonObject().put("command", "unsubscribe").put("eventTypes", new JsonArray(names));
  }
}
