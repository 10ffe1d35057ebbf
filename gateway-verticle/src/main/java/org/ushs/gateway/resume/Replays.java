package org.ushs.gateway.resume;

import io.vertx.core.Context;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.GatewayMetrics;

/**
 * What every resume of one gateway instance shares: its event loop's context, the log, the id index
 * and the recent events fed by the live stream, the gate bounding concurrent replays, and the
 * node's metrics. One thread.
 */
public record Replays(
    Context context,
    LogReader log,
    IdIndex index,
    RecentEvents recent,
    ReplayGate gate,
    GatewayMetrics metrics) {

  /** A resume for one session. */
  public Resume resumeFor(ResumeTarget target) {
    return new Resume(target, this);
  }
}
