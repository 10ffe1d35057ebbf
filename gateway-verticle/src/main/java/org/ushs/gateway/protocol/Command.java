package org.ushs.gateway.protocol;

import java.util.List;
import org.ushs.gateway.resume.ResumePoint;
import org.ushs.gateway.subscription.Filter;
import org.ushs.gateway.subscription.Selector;

/**
 * A client command, parsed and checked. Dispatch is exhaustive: every command is handed to the one
 * {@link Handler} method of its kind, so a new command cannot compile until it is handled.
 */
public sealed interface Command {

  /** Calls the method of {@code handler} for this command. */
  void applyTo(Handler handler);

  /** One method per command. */
  interface Handler {
    void subscribe(Subscribe command);

    void unsubscribe(Unsubscribe command);

    void ping(Ping command);

    void refresh(Refresh command);
  }

  /**
   * Adds {@code selectors} with {@code filter}; {@code resumeFrom} (null when absent) asks for what
   * this subscription missed since that point.
   */
  record Subscribe(List<Selector> selectors, Filter filter, ResumePoint resumeFrom)
      implements Command {

    public Subscribe(List<Selector> selectors, Filter filter) {
      this(selectors, filter, null);
    }

    @Override
    public void applyTo(Handler handler) {
      handler.subscribe(this);
    }
  }

  /** Removes {@code selectors}. */
  record Unsubscribe(List<Selector> selectors) implements Command {
    @Override
    public void applyTo(Handler handler) {
      handler.unsubscribe(this);
    }
  }

  /** Asks for a {@code pong}. */
  record Ping() implements Command {
    @Override
    public void applyTo(Handler handler) {
      handler.ping(this);
    }
  }

  /** Swaps in a new token for the connection (same identity); the token never shows. */
  record Refresh(String token) implements Command {

    @Override
    public void applyTo(Handler handler) {
      handler.refresh(this);
    }

    @Override
    public String toString() {
      return "Refresh[token=redacted]";
    }
  }
}
