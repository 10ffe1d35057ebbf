package org.ushs.gateway;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.ushs.common.event.Category;
import org.ushs.common.event.SequencedEvent;
import org.ushs.gateway.subscription.Subscriptions;

/**
 * The local index of sessions by what they subscribe to, so that an event touches only the sessions
 * that may want it, each once: by category, and within a category by service for sessions whose
 * every subscription to it names services. One per gateway verticle instance (event loop).
 */
final class Hub {

  /** The sessions of one category. */
  private static final class Index {
    final Set<ClientSession> all = new LinkedHashSet<>();
    final Set<ClientSession> anyService = new LinkedHashSet<>();
    final Map<String, Set<ClientSession>> byService = new HashMap<>();

    void remove(ClientSession session) {
      if (all.remove(session) && !anyService.remove(session)) {
        byService.values().removeIf(sessions -> sessions.remove(session) && sessions.isEmpty());
      }
    }

    void add(ClientSession session, Set<String> services) {
      all.add(session);
      if (services == null) {
        anyService.add(session);
      } else {
        services.forEach(
            s -> byService.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(session));
      }
    }
  }

  private final EnumMap<Category, Index> byCategory = new EnumMap<>(Category.class);
  private final Set<ClientSession> sessions = new LinkedHashSet<>();
  private int handshakes;
  private volatile boolean occupied;

  Hub() {
    for (Category category : Category.values()) {
      byCategory.put(category, new Index());
    }
  }

  void add(ClientSession session) {
    sessions.add(session);
    updateOccupied();
  }

  /** A client is connecting here: until {@link #handshakeEnded}, the hub counts as occupied. */
  void handshakeStarted() {
    handshakes++;
    updateOccupied();
  }

  void handshakeEnded() {
    handshakes--;
    updateOccupied();
  }

  /** Kept in a volatile field because the feed's thread reads it; written on this loop only. */
  private void updateOccupied() {
    occupied = handshakes > 0 || !sessions.isEmpty();
  }

  /** Indexes {@code session} under what {@code subscriptions} now span. */
  void reindex(ClientSession session, Subscriptions subscriptions) {
    Set<Category> categories = subscriptions.categories();
    byCategory.forEach(
        (category, index) -> {
          index.remove(session);
          if (categories.contains(category)) {
            index.add(session, subscriptions.services(category));
          }
        });
  }

  void remove(ClientSession session) {
    sessions.remove(session);
    updateOccupied();
    byCategory.values().forEach(index -> index.remove(session));
  }

  /**
   * Offers {@code event} to the sessions that may want it: an event without a service to every
   * session of its category (service filters do not hide it), one with a service to those that take
   * any service and those that named it. Returns how many were sent it now.
   */
  int dispatch(SequencedEvent event) {
    Index index = byCategory.get(event.keys().category());
    String service = event.keys().service();
    if (service == null) {
      return offer(index.all, event);
    }
    Set<ClientSession> named = index.byService.get(service);
    return offer(index.anyService, event) + (named == null ? 0 : offer(named, event));
  }

  private static int offer(Set<ClientSession> sessions, SequencedEvent event) {
    int sent = 0;
    for (ClientSession session : sessions) {
      if (session.deliver(event)) {
        sent++;
      }
    }
    return sent;
  }

  /** Whether a session is here or a client is connecting; read from any thread (the feed's). */
  boolean occupied() {
    return occupied;
  }

  Set<ClientSession> sessions() {
    return sessions;
  }
}
