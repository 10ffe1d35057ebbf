package org.ushs.gateway.resume;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.LogReader;

/**
 * A {@link ResumeLog} over a plain {@link LogReader}: ids are found by reading the retained log in
 * bounded batches, only for ids the gateway's own {@link IdIndex} cannot answer. The epoch is the
 * one the log gives its events; a log that has none yet counts as {@link #NO_EPOCH}.
 */
public final class ScanningResumeLog implements ResumeLog {

  /** The epoch of a log that does not give its events one. */
  public static final String NO_EPOCH = "0000000000000000";

  private static final int SCAN_BATCH = 1000;

  private final LogReader log;

  public ScanningResumeLog(LogReader log) {
    this.log = log;
  }

  @Override
  public String epoch() {
    return NO_EPOCH;
  }

  @Override
  public Future<Long> oldest() {
    return log.read(0, 1).map(EventBatch::first);
  }

  @Override
  public Future<Long> find(String source, String id) {
    return scan(id).map(found -> found.sequenceFrom(source));
  }

  @Override
  public Future<BareIdLookup> findBare(String id) {
    return scan(id).map(Matches::lookup);
  }

  private Future<Matches> scan(String id) {
    return scanFrom(0, id, new Matches());
  }

  private Future<Matches> scanFrom(long from, String id, Matches found) {
    return log.read(from, SCAN_BATCH)
        .compose(
            batch -> {
              batch.events().forEach(event -> found.offer(event, id));
              return batch.events().isEmpty()
                  ? Future.succeededFuture(found)
                  : scanFrom(batch.next(), id, found);
            });
  }

  /** The retained events with one id: their sources, and the newest's sequence per source. */
  private static final class Matches {
    private final Set<String> sources = new HashSet<>();
    private final Map<String, Long> newest = new HashMap<>();

    void offer(SequencedEvent event, String id) {
      if (id.equals(event.keys().id())) {
        sources.add(event.keys().source());
        newest.put(event.keys().source(), event.sequence());
      }
    }

    long sequenceFrom(String source) {
      return newest.getOrDefault(source, -1L);
    }

    BareIdLookup lookup() {
      if (sources.size() > 1) {
        return BareIdLookup.AMBIGUOUS;
      }
      return newest.isEmpty()
          ? BareIdLookup.NONE
          : new BareIdLookup(newest.values().iterator().next(), false);
    }
  }
}
