package org.ushs.common.log;

import io.vertx.core.Future;
import org.ushs.common.bus.EventBatch;

/** Reads of one partition's replay log; futures complete on the caller's context. */
public interface LogReader {

  /**
   * Up to {@code max} events from sequence {@code from} on. When {@code from} has left retention
   * the batch starts at the oldest retained event; when {@code from} is past the newest, it is
   * empty with {@code next == from}.
   */
  Future<EventBatch> read(long from, int max);

  /** The sequence of the newest event, or -1 when the log has never held one. */
  Future<Long> newest();

  /** The epoch of the log now (made if the log is new): 16 lowercase hex characters. */
  Future<String> epoch();

  /**
   * The sequence of the retained event published with {@code source} and {@code id}, or -1 when the
   * log holds none. May scan the log: for keys an index did not know.
   */
  Future<Long> find(String source, String id);

  /**
   * The newest retained event whose CloudEvent {@code id} is {@code id}, and whether several
   * sources used that id within retention. May scan the log.
   */
  Future<IdMatch> findId(String id);

  /**
   * The sequence of the newest retained event with CloudEvent {@code id}; -1 when the log holds
   * none, or when several sources used that id (a bare id then names no single place).
   */
  default Future<Long> find(String id) {
    return findId(id).map(IdMatch::unambiguous);
  }
}
