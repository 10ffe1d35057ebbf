package org.ushs.gateway.resume;

import io.vertx.core.Future;

/**
 * What resolving a resume point needs of the log beyond reading it: its epoch, its oldest retained
 * sequence, and the retained events with a given id. Futures complete on the caller's context.
 */
public interface ResumeLog {

  /** The epoch of the log now: 16 lowercase hex characters. */
  String epoch();

  /** The sequence of the oldest retained event, or the next sequence when none is retained. */
  Future<Long> oldest();

  /** The sequence of the retained event {@code id} from {@code source}, or -1 when none. */
  Future<Long> find(String source, String id);

  /** The one retained event with {@code id}, as a {@link BareIdLookup}. */
  Future<BareIdLookup> findBare(String id);

  /**
   * What a bare id names within retention: one event ({@code sequence >= 0}), none ({@code sequence
   * == -1}), or events from several sources ({@code ambiguous}).
   */
  record BareIdLookup(long sequence, boolean ambiguous) {
    public static final BareIdLookup NONE = new BareIdLookup(-1, false);
    public static final BareIdLookup AMBIGUOUS = new BareIdLookup(-1, true);
  }
}
