package org.ushs.gateway.resume;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Deque;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.log.LogReader;

/**
 * A {@link ResumeLog} over the log's own reads and look-ups ({@link LogReader#find(String,
 * String)}, {@link LogReader#findId}), asked only for ids the gateway's {@link IdIndex} cannot
 * answer. The epoch is the log's, learnt at start and kept current from the live stream ({@link
 * #observed}). Used on one gateway context.
 */
public final class LogResumeLog implements ResumeLog {

  /** Epochs replaced this long ago at most are still recognised when a late batch shows one. */
  private static final int REPLACED_KEPT = 8;

  private final LogReader log;
  private final Deque<String> replaced = new ArrayDeque<>();
  private String epoch;

  public LogResumeLog(LogReader log) {
    this.log = log;
  }

  /**
   * Learns the log's epoch; completes when known, or when the log did not answer (the epoch is then
   * learnt from the first live batch).
   */
  public Future<Void> start() {
    return log.epoch().onSuccess(this::observed).<Void>mapEmpty().otherwiseEmpty();
  }

  /**
   * The epoch of a live batch: a log that started over is followed at once (a batch without an
   * epoch, from tools and tests, says nothing).
   */
  public void observed(String epoch) {
    if (!named(epoch) || epoch.equals(this.epoch)) {
      return;
    }
    if (this.epoch != null) {
      replaced.addFirst(this.epoch);
      if (replaced.size() > REPLACED_KEPT) {
        replaced.removeLast();
      }
    }
    this.epoch = epoch;
  }

  /** Whether a live batch of {@code epoch} shows that the log started over since it was learnt. */
  public boolean startsOver(String epoch) {
    return named(epoch) && this.epoch != null && !epoch.equals(this.epoch) && !replaced(epoch);
  }

  /** Batches from tools and tests carry no epoch. */
  private static boolean named(String epoch) {
    return epoch != null && !epoch.isEmpty();
  }

  /** Whether {@code epoch} is one the log had before it started over. */
  public boolean replaced(String epoch) {
    return replaced.contains(epoch);
  }

  @Override
  public String epoch() {
    return epoch;
  }

  @Override
  public Future<Long> oldest() {
    return log.read(0, 1).map(EventBatch::first);
  }

  @Override
  public Future<Long> find(String source, String id) {
    return log.find(source, id);
  }

  @Override
  public Future<BareIdLookup> findBare(String id) {
    return log.findId(id)
        .map(
            match ->
                match.ambiguous()
                    ? BareIdLookup.AMBIGUOUS
                    : match.sequence() < 0
                        ? BareIdLookup.NONE
                        : new BareIdLookup(match.sequence(), false));
  }
}
