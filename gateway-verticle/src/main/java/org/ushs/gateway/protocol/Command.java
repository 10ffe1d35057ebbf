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
}
