package org.ushs.gateway.resume;

import org.ushs.common.log.LogReader;

/**
 * What every resume of one gateway instance shares: the log, the id index fed by the live stream,
 * and the gate bounding concurrent replays. One thread.
 */
public record Replays(LogReader log, IdIndex index, ReplayGate gate) {

  /** A resume for one session. */
  public Resume resumeFor(ResumeTarget target) {
    return new Resume(target, log, index, gate);
  }
}
