package org.ushs.common.event;

import io.vertx.core.buffer.Buffer;

/**
 * An event in the log: its position ({@code sequence}, strictly increasing, contiguous), its
 * routing keys, and the final JSON bytes every client receives. Immutable; the same {@code json}
 * buffer is written to every matching socket and must not be modified.
 */
public record SequencedEvent(long sequence, EventKeys keys, Buffer json) {}
