package org.ushs.ingest;

import java.util.function.Predicate;

/**
 * What to do with a key after trying to reserve it in the dedupe map, given the value it had: a
 * pure decision. Reservations read {@code @<member>/<n>/<epoch millis>}; sequences are decimal.
 */
enum Claim {
  /** Reserved by this attempt: append it. */
  APPEND,
  /** Logged before, at the sequence the value holds: acknowledge that. */
  LOGGED,
  /** Another live member is logging it right now: the publisher should retry shortly. */
  IN_PROGRESS,
  /**
   * Reserved by an attempt that ended without remembering a sequence (its member left, or it
   * failed, or it is older than {@link #RESERVATION_MILLIS}): it may or may not be in the log, so
   * the log decides.
   */
  ORPHAN;

  /** A reservation older than this is no longer trusted to finish. */
  static final long RESERVATION_MILLIS = 30_000;

  /**
   * @param previous the value the key had (null when none)
   * @param mark this attempt's reservation
   * @param me this member's id
   * @param alive whether a member id is in the cluster
   */
  static Claim of(
      String previous, String mark, String me, Predicate<String> alive, long nowMillis) {
    if (previous == null || previous.equals(mark)) {
      return APPEND;
    }
    if (!previous.startsWith("@")) {
      return LOGGED;
    }
    String[] parts = previous.substring(1).split("/", -1);
    if (parts.length != 3 || parts[0].equals(me) || !alive.test(parts[0])) {
      return ORPHAN;
    }
    long age = nowMillis - parseOr(parts[2], Long.MIN_VALUE / 2);
    return age < RESERVATION_MILLIS ? IN_PROGRESS : ORPHAN;
  }

  /** A new reservation of member {@code me}, unique per attempt. */
  static String mark(String me, long attempt, long nowMillis) {
    return "@" + me + "/" + attempt + "/" + nowMillis;
  }

  private static long parseOr(String value, long fallback) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
