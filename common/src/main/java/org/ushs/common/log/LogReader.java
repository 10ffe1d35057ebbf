package org.ushs.common.log;

import io.vertx.core.Future;
import org.ushs.common.bus.EventBatch;

/** Reads of the replay log; futures complete on the caller's context. */
public interface LogReader {

  /**
   * Up to {@code max} events from sequence {@code from} on. When {@code from} has left retention
   * the batch starts at the oldest retained event; when {@code from} is past the newest, it is
   * empty with {@code next == from}.
   */
  Future<EventBatch> read(long from, int max);

  /** The sequence of the newest event, or -1 when the log has never held one. */
  Future<Long> newest();

  /**
   * The sequence of the newest retained event whose CloudEvent {@code id} is {@code id}, or -1 when
   * the log holds none. Scans the log: for ids an index did not know.
   */
  Future<Long> find(String id);
}
