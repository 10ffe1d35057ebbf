package org.ushs.ingest;

import java.util.List;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Permissions;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.PendingEvent;

/**
 * Whether a publisher's permissions cover what it publishes: each event's category must be in its
 * {@code eventTypes} and, when it is restricted to {@code services}, the event must name one of
 * them (an event without a service is refused to it), exactly as a subscriber with the same
 * permissions would be allowed to see it. Pure.
 */
final class PublishPermission {

  /** Characters of a client's event id quoted in a refusal at most. */
  static final int MAX_ID = 64;

  private PublishPermission() {}

  /** Null when every event is permitted; otherwise the 403 naming the first that is not. */
  static AuthFailure refusal(List<PendingEvent> events, Permissions permissions) {
    int refused = 0;
    int first = -1;
    for (int i = 0; i < events.size(); i++) {
      if (!permissions.allows(events.get(i).keys())) {
        refused++;
        first = first < 0 ? i : first;
      }
    }
    if (refused == 0) {
      return null;
    }
    EventKeys keys = events.get(first).keys();
    String more = refused > 1 ? " (and " + (refused - 1) + " more event(s))" : "";
    return new AuthFailure(
        AuthFailure.Kind.FORBIDDEN,
        "publish not permitted for event "
            + quoted(keys.id())
            + " at index "
            + first
            + ": "
            + why(keys, permissions)
            + more);
  }

  private static String why(EventKeys keys, Permissions permissions) {
    if (!permissions.allows(keys.category())) {
      return "event type " + keys.category().wireName() + " not in the publisher's eventTypes";
    }
    return keys.service() == null
        ? "the event names no service and the publisher is limited to services"
        : "service " + quoted(keys.service()) + " not in the publisher's services";
  }

  private static String quoted(String text) {
    String shown = text.length() > MAX_ID ? text.substring(0, MAX_ID) + "..." : text;
    StringBuilder out = new StringBuilder("'");
    shown.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
    return out.append('\'').toString();
  }
}
