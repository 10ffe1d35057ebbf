package org.ushs.common.bus;

import java.util.List;

/**
 * A writer's answer: the epoch of the partition's log and the sequence of each event of the
 * request, in order (a retried publish key gets the sequence it was first logged at).
 */
public record WriteResult(String epoch, List<Long> sequences) {

  public WriteResult {
    sequences = List.copyOf(sequences);
  }
}
