package org.ushs.gateway;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ushs.common.event.Category;
import org.ushs.common.event.SequencedEvent;

/**
 * The local index of sessions by the categories they subscribe to, so that an event touches only
 * the sessions that may want it, each once. One per gateway verticle instance (event loop).
 */
final class Hub {

  private final EnumMap<Category, Set<Session>> byCategory = new EnumMap<>(Category.class);
  private final Set<Session> sessions = new LinkedHashSet<>();

  Hub() {
    for (Category category : Category.values()) {
      byCategory.put(category, new LinkedHashSet<>());
    }
  }

  void add(Session session) {
    sessions.add(session);
  }

  /** Indexes {@code session} under exactly {@code categories}. */
  void reindex(Session session, Set<Category> categories) {
    byCategory.forEach(
        (category, members) -> {
          if (categories.contains(category)) {
            members.add(session);
          } else {
            members.remove(session);
          }
        });
  }

  void remove(Session session) {
    sessions.remove(session);
    byCategory.values().forEach(members -> members.remove(session));
  }

  /** Offers {@code event} to every session of its category; how many were sent it now. */
  int dispatch(SequencedEvent event) {
    int sent = 0;
    for (Session session : byCategory.get(event.keys().category())) {
      if (session.deliver(event)) {
        sent++;
      }
    }
    return sent;
  }

  Set<Session> sessions() {
    return sessions;
  }
}
