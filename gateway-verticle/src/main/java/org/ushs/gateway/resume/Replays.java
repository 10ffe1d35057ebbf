package org.ushs.gateway.resume;

import io.vertx.core.Context;
import java.util.function.LongSupplier;
import org.ushs.common.log.LogReader;
import org.ushs.gateway.GatewayMetrics;

/**
 * What every replay of one gateway instance shares: its event loop's context, the log (to read, and
 * to resolve resume points), the id index and the recent events fed by the live stream, the gate
 * bounding concurrent replays, the node's metrics, and {@code handedOut}: the newest sequence the
 * live stream has offered to the connections (-1 before any). One thread.
 */
public record Replays(
    Context context,
    LogReader log,
    ResumeLog resumeLog,
    IdIndex index,
    RecentEvents recent,
    ReplayGate gate,
    GatewayMetrics metrics,
    LongSupplier handedOut) {

  /** Resolves resume points against this instance's index and the log. */
  public ResumeResolver resolver() {
    return new ResumeResolver(index, resumeLog);
  }
}
