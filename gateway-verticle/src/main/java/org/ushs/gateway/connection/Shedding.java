package org.ushs.gateway.connection;

/**
 * Priority shedding for one client whose outbound queue fills: past the soft mark ({@link
 * #SOFT_MARK_FRACTION} of {@code USHS_MAX_PENDING}) its {@code low} events are dropped, and past
 * three quarters its {@code medium} ones too, while {@code high}, {@code critical} and events
 * without a severity keep going until the hard bound closes the client with 4006. Each contiguous
 * run of dropped events (between two events sent) is kept as one {@link Run}, which the caller
 * announces as a {@code gap} with reason {@code shed} before the next event it sends. Pure; used on
 * the connection's event loop only.
 */
public final class Shedding {

  /** The soft mark as a fraction of the bound: {@code low} events are shed above it. */
  public static final double SOFT_MARK_FRACTION = 0.5;

  /** Above this fraction of the bound {@code medium} events are shed too. */
  public static final double MEDIUM_MARK_FRACTION = 0.75;

  /** A run of shed events: the sequences of the first and last, and how many. */
  public record Run(long from, long to, long count) {}

  private final long lowMark;
  private final long mediumMark;
  private long from = -1;
  private long to;
  private long count;

  /** {@code maxPending}: the hard bound in bytes ({@code USHS_MAX_PENDING}). */
  public Shedding(long maxPending) {
    this.lowMark = (long) (maxPending * SOFT_MARK_FRACTION);
    this.mediumMark = (long) (maxPending * MEDIUM_MARK_FRACTION);
  }

  /**
   * Whether the event at {@code sequence} with {@code severity} (null: none) is dropped, with
   * {@code pending} bytes queued; a dropped event joins the current run.
   */
  public boolean shed(String severity, long pending, long sequence) {
    long mark = markFor(severity);
    if (pending < mark) {
      return false;
    }
    if (from < 0) {
      from = sequence;
    }
    to = sequence;
    count++;
    return true;
  }

  /** The run shed since the last call, or null if none; the next shed event starts a new one. */
  public Run takeRun() {
    if (from < 0) {
      return null;
    }
    Run run = new Run(from, to, count);
    from = -1;
    count = 0;
    return run;
  }

  private long markFor(String severity) {
    if ("low".equals(severity)) {
      return lowMark;
    }
    if ("medium".equals(severity)) {
      return mediumMark;
    }
    return Long.MAX_VALUE;
  }
}
