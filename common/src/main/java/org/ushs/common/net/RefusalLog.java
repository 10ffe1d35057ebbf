package org.ushs.common.net;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refusals of client input as log lines that stay quiet under attack: at most one INFO line per
 * kind of refusal per window, the next one of the kind starting with how many went unlogged
 * meanwhile. Never a stack trace. Kinds are few and named by the caller (at most {@link #MAX_KINDS}
 * are told apart; later ones share one); lines hold only text fit for a log (see {@link LogText}).
 * Thread-safe.
 */
public final class RefusalLog {

  /** The window of the node's refusal logs. */
  public static final Duration WINDOW = Duration.ofSeconds(10);

  /** Kinds told apart at most, so that kinds derived from input cannot grow without bound. */
  public static final int MAX_KINDS = 256;

  private static final String OTHER = "(other)";

  private static final class Kind {
    long nextAtNanos = Long.MIN_VALUE;
    long suppressed;
  }

  private final Logger logger;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<String, Kind> kinds = new ConcurrentHashMap<>();

  public RefusalLog(Logger logger) {
    this(logger, WINDOW, System::nanoTime);
  }

  public RefusalLog(Logger logger, Duration window, LongSupplier nanoClock) {
    this.logger = logger;
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * Logs {@code line}, a refusal of {@code kind}, unless one of its kind was logged within the
   * window.
   */
  public void refused(String kind, String line) {
    Kind state = kinds.get(kind);
    if (state == null) {
      state = kinds.computeIfAbsent(kinds.size() < MAX_KINDS ? kind : OTHER, k -> new Kind());
    }
    long suppressed;
    synchronized (state) {
      long now = nanoClock.getAsLong();
      if (state.nextAtNanos != Long.MIN_VALUE && now - state.nextAtNanos < 0) {
        state.suppressed++;
        return;
      }
      state.nextAtNanos = now + windowNanos;
      suppressed = state.suppressed;
      state.suppressed = 0;
    }
    logger.log(
        Level.INFO,
        "{0}{1}",
        new Object[] {
          suppressed == 0
              ? ""
              : "[" + suppressed + " more like this not logged in " + seconds() + " s] ",
          line
        });
  }

  private long seconds() {
    return Duration.ofNanos(windowNanos).toSeconds();
  }
}
