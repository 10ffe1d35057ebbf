package org.ushs.common.log;

/**
 * A partition of the replay log: its own ring, its own writer and its own sequence. There is one
 * partition, {@link #ZERO}, today; the type is here so that the log can be split without changing
 * the positions' form.
 */
public record PartitionId(int value) {

  /** The only partition while the log is not split. */
  public static final PartitionId ZERO = new PartitionId(0);

  public PartitionId {
    if (value < 0) {
      throw new IllegalArgumentException("a partition id is not negative: " + value);
    }
  }

  /** The name of this partition's log in the cluster (its ring, its epoch entry). */
  public String logName() {
    return "ushs-log-" + value;
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
