package org.ushs.common.log;

import java.util.Optional;

/**
 * Where an event is: its log partition, the epoch of that partition's log, and its sequence there.
 * The text form is {@code <epoch>:<sequence>} while there is one partition, {@code
 * <partition>:<epoch>:<sequence>} once the log is split (see
 * docs/decisions/positions-gaps-resume.md).
 */
public record LogPosition(PartitionId partition, String epoch, long sequence) {

  public LogPosition {
    if (!Epochs.valid(epoch)) {
      throw new IllegalArgumentException("an epoch is 16 lowercase hex characters: " + epoch);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("a sequence is not negative: " + sequence);
    }
  }

  /** The text form: {@code <epoch>:<sequence>} for partition 0. */
  public String text() {
    String tail = epoch + ":" + sequence;
    return partition.equals(PartitionId.ZERO) ? tail : partition + ":" + tail;
  }

  /** Reads either text form; empty when {@code text} is neither (a client's typo, not a crash). */
  public static Optional<LogPosition> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.trim().split(":", -1);
    try {
      return switch (parts.length) {
        case 2 ->
            Optional.of(new LogPosition(PartitionId.ZERO, parts[0], Long.parseLong(parts[1])));
        case 3 ->
            Optional.of(
                new LogPosition(
                    new PartitionId(Integer.parseInt(parts[0])),
                    parts[1],
                    Long.parseLong(parts[2])));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
