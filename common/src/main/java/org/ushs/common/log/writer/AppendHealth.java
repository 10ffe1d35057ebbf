package org.ushs.common.log.writer;

import java.time.Clock;
import java.util.Optional;

/**
 * Whether this node can append to the log, from what its writer and its clients saw last: a failure
 * (log unreachable, log full) makes it unable until a later append succeeds, or until no failure
 * was seen for {@link #WINDOW_MILLIS} (so one old failure does not keep an idle node unready for
 * ever). Thread-safe.
 */
public final class AppendHealth {

  static final long WINDOW_MILLIS = 10_000;

  private record Failure(String reason, long atMillis) {}

  private final Clock clock;
  private volatile Failure failure;

  public AppendHealth(Clock clock) {
    this.clock = clock;
  }

  public AppendHealth() {
    this(Clock.systemUTC());
  }

  /** An append or a publish through the writer succeeded. */
  public void succeeded() {
    if (failure != null) {
      failure = null;
    }
  }

  /** An append failed, or a publish was refused because the log cannot take it. */
  public void failed(String reason) {
    failure = new Failure(reason, clock.millis());
  }

  /** Why this node cannot append now, if it cannot. */
  public Optional<String> problem() {
    Failure last = failure;
    if (last == null || clock.millis() - last.atMillis() > WINDOW_MILLIS) {
      return Optional.empty();
    }
    return Optional.of(last.reason());
  }
}
