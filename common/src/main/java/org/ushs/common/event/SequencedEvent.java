package org.ushs.common.event;

import io.vertx.core.buffer.Buffer;

/**
 * An event in the log: its position ({@code sequence}, strictly increasing, contiguous, within the
 * log's {@code epoch}), its routing keys, and the final JSON bytes every client receives.
 * Immutable; the same {@code json} buffer is written to every matching socket and must not be
 * modified.
 *
 * @param epoch the epoch of the log that gave the sequence; empty when unknown (tests)
 */
public record SequencedEvent(long sequence, String epoch, EventKeys keys, Buffer json) {

  /** An event whose epoch is not known (tests, and readers that do not need it). */
  public SequencedEvent(long sequence, EventKeys keys, Buffer json) {
    this(sequence, "", keys, json);
  }
}
