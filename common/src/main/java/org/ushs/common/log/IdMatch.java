package org.ushs.common.log;

/**
 * What a bare CloudEvent id resolves to in the retained log: the newest sequence with that id (-1
 * when none), and whether events of several sources used that id (then no resume point is safe).
 */
public record IdMatch(long sequence, boolean ambiguous) {

  public static final IdMatch NONE = new IdMatch(-1, false);

  /** The sequence to resume after, or -1 when the id is unknown or ambiguous. */
  public long unambiguous() {
    return ambiguous ? -1 : sequence;
  }
}
