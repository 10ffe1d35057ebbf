package org.ushs.gateway.protocol;

import java.util.List;
import org.ushs.gateway.subscription.Filter;
import org.ushs.gateway.subscription.Selector;

/** A client command, parsed and checked. */
public sealed interface Command {

  /** Adds {@code selectors} with {@code filter}. */
  record Subscribe(List<Selector> selectors, Filter filter) implements Command {}

  /** Removes {@code selectors}. */
  record Unsubscribe(List<Selector> selectors) implements Command {}

  /** Asks for a {@code pong}. */
  record Ping() implements Command {}

  /** Swaps in a new token for the connection (same identity); the token never shows. */
  record Refresh(String token) implements Command {

    @Override
    public String toString() {
      return "Refresh[token=redacted]";
    }
  }
}
