package org.ushs.common.log.writer;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.WriteResult;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.EventLog;
import org.ushs.common.log.LogScan;

/**
 * The one writer of a log partition, on the member that owns it: logs each publish key ({@code
 * source}+{@code id}) once while the ring holds it, and answers a retry with the first sequence.
 *
 * <p>Before it takes a write after start or after {@link #invalidate} (the partition moved, or
 * members changed), it rebuilds its {@link LogIndex} from the ring, so a retry of an event appended
 * by an owner that died before acknowledging it is found there. Appends are group commits: at most
 * one in flight, what arrives meanwhile leaves in the next one. Each appended batch goes to {@code
 * sink} (the bus) in sequence order, then the writes are acknowledged. Writes that would keep more
 * than {@link WriterSettings#maxBytes} in the ring are refused. Used on {@code context} only, but
 * {@link #invalidate} may be called from any thread.
 */
public final class LogWriter {

  static final int MAX_BATCH = 500;

  private static final Logger LOG = Logger.getLogger(LogWriter.class.getName());

  private enum State {
    STALE,
    REBUILDING,
    READY
  }

  private record Entry(String key, PendingEvent event, int bytes, Promise<Long> sequence) {}

  private record Waiting(List<PendingEvent> events, Promise<WriteResult> result) {}

  private final Vertx vertx;
  private final Context context;
  private final EventLog log;
  private final WriterSettings settings;
  private final Consumer<EventBatch> sink;
  private final AppendHealth health;
  private final IntConsumer appendedEvents;
  private final Clock clock;
  private final LogIndex index;
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private final Map<String, Future<Long>> pending = new HashMap<>();
  private final List<Waiting> waiting = new ArrayList<>();
  private State state = State.STALE;
  private int generation;
  private boolean appending;
  private long queuedBytes;
  private String epoch;

  public LogWriter(
      Context context,
      EventLog log,
      WriterSettings settings,
      Consumer<EventBatch> sink,
      AppendHealth health,
      IntConsumer appendedEvents,
      Clock clock) {
    this.vertx = context.owner();
    this.context = context;
    this.log = log;
    this.settings = settings;
    this.sink = sink;
    this.health = health;
    this.appendedEvents = appendedEvents;
    this.clock = clock;
    this.index = new LogIndex(settings.capacity(), settings.ttl());
  }

  /** The sequence of each of {@code events} once logged (first sequence for a key seen before). */
  public Future<WriteResult> write(List<PendingEvent> events) {
    if (state == State.READY) {
      return admit(events);
    }
    Promise<WriteResult> result = Promise.promise();
    waiting.add(new Waiting(events, result));
    rebuildIfDue();
    return result.future();
  }

  /** The index no longer tells what the ring holds: rebuild it before the next write. */
  public void invalidate() {
    context.runOnContext(v -> stale(LogRefusal.NOT_OWNER));
  }

  private void stale(LogRefusal forQueued) {
    generation++;
    if (state == State.READY) {
      state = State.STALE;
    }
    while (!queue.isEmpty()) {
      Entry entry = queue.poll();
      pending.remove(entry.key());
      entry.sequence().fail(new WriteRefused(forQueued));
    }
    queuedBytes = 0;
    rebuildIfDue();
  }

  private void rebuildIfDue() {
    if (state != State.STALE || appending || waiting.isEmpty()) {
      return;
    }
    state = State.REBUILDING;
    int rebuilding = generation;
    long started = System.nanoTime();
    index.reset(-1);
    log.epoch()
        .compose(this::scan)
        .compose(scanned -> log.newest())
        .onComplete(
            done -> {
              if (rebuilding != generation) {
                state = State.STALE;
                rebuildIfDue();
              } else if (done.failed()) {
                rebuildFailed(done.cause());
              } else {
                index.advanceTail(done.result());
                state = State.READY;
                LOG.info(
                    () ->
                        "log "
                            + log.partition()
                            + " epoch "
                            + epoch
                            + ": index of "
                            + index.size()
                            + " events rebuilt in "
                            + (System.nanoTime() - started) / 1_000_000
                            + " ms; taking writes");
                admitWaiting();
              }
            });
  }

  private Future<Void> scan(String logEpoch) {
    epoch = logEpoch;
    long now = clock.millis();
    return LogScan.each(
        log, 0, event -> index.add(keyOf(event), event.sequence(), bytes(event), now));
  }

  private void rebuildFailed(Throwable cause) {
    state = State.STALE;
    health.failed("replay log unreachable: " + cause.getMessage());
    LOG.warning(() -> "log " + log.partition() + ": index rebuild failed: " + cause);
    List<Waiting> failed = new ArrayList<>(waiting);
    waiting.clear();
    failed.forEach(w -> w.result().fail(new WriteRefused(LogRefusal.UNAVAILABLE)));
  }

  private void admitWaiting() {
    List<Waiting> ready = new ArrayList<>(waiting);
    waiting.clear();
    ready.forEach(w -> admit(w.events()).onComplete(w.result()));
  }

  private Future<WriteResult> admit(List<PendingEvent> events) {
    index.expire(clock.millis());
    Map<String, Future<Long>> sequences = new LinkedHashMap<>();
    List<Entry> fresh = new ArrayList<>();
    long freshBytes = 0;
    for (PendingEvent event : events) {
      String key = event.keys().publishKey();
      if (sequences.containsKey(key)) {
        continue;
      }
      Long logged = index.sequenceOf(key);
      Future<Long> known = logged != null ? Future.succeededFuture(logged) : pending.get(key);
      if (known == null) {
        Entry entry = new Entry(key, event, event.retainedBytes(), Promise.promise());
        fresh.add(entry);
        freshBytes += entry.bytes();
        known = entry.sequence().future();
      }
      sequences.put(key, known);
    }
    Future<Void> admitted = fits(fresh.size(), freshBytes);
    if (admitted.failed()) {
      return admitted.mapEmpty();
    }
    fresh.forEach(this::enqueue);
    flush();
    return Future.all(new ArrayList<>(sequences.values())).map(all -> result(events, sequences));
  }

  private Future<Void> fits(int count, long bytes) {
    if (count == 0) {
      return Future.succeededFuture();
    }
    if (bytes > settings.maxBytes()) {
      return Future.failedFuture(new WriteRefused(LogRefusal.TOO_LARGE));
    }
    long after = index.retainedAfter(queue.size() + count, queuedBytes + bytes);
    if (after > settings.maxBytes()) {
      health.failed("replay log full: " + after + " bytes > USHS_REPLAY_MAX_BYTES");
      return Future.failedFuture(new WriteRefused(LogRefusal.FULL));
    }
    return Future.succeededFuture();
  }

  private WriteResult result(List<PendingEvent> events, Map<String, Future<Long>> sequences) {
    List<Long> each = new ArrayList<>(events.size());
    for (PendingEvent event : events) {
      each.add(sequences.get(event.keys().publishKey()).result());
    }
    return new WriteResult(epoch, each);
  }

  private void enqueue(Entry entry) {
    queue.add(entry);
    queuedBytes += entry.bytes();
    pending.put(entry.key(), entry.sequence().future());
  }

  private void flush() {
    if (appending || queue.isEmpty() || state != State.READY) {
      return;
    }
    List<Entry> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
    List<PendingEvent> events = new ArrayList<>(batch.size());
    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
      Entry entry = queue.poll();
      queuedBytes -= entry.bytes();
      batch.add(entry);
      events.add(entry.event());
    }
    appending = true;
    log.append(epoch, events).onComplete(appended -> appended(batch, appended));
  }

  private void appended(List<Entry> batch, AsyncResult<Long> appended) {
    if (appended.failed()) {
      finishFailed(batch, appended.cause());
      return;
    }
    long first = appended.result();
    boolean foreign = first != index.tail() + 1;
    long now = clock.millis();
    for (int i = 0; i < batch.size(); i++) {
      index.add(batch.get(i).key(), first + i, batch.get(i).bytes(), now);
    }
    long stall = settings.stallAfterAppend().toMillis();
    if (stall > 0) {
      vertx.setTimer(stall, t -> finish(batch, first, foreign));
    } else {
      finish(batch, first, foreign);
    }
  }

  private void finish(List<Entry> batch, long first, boolean foreign) {
    List<SequencedEvent> events = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      events.add(batch.get(i).event().at(first + i, epoch));
    }
    sink.accept(EventBatch.live(log.partition(), epoch, events));
    for (int i = 0; i < batch.size(); i++) {
      pending.remove(batch.get(i).key());
      batch.get(i).sequence().complete(first + i);
    }
    health.succeeded();
    appendedEvents.accept(batch.size());
    appending = false;
    if (foreign) {
      LOG.warning(
          () ->
              "log "
                  + log.partition()
                  + ": sequences before "
                  + first
                  + " were appended by another writer (the partition moved): rebuilding the index");
      stale(LogRefusal.NOT_OWNER);
    } else {
      flush();
      rebuildIfDue();
    }
  }

  /** The append may or may not have reached the ring: only a rebuilt index can tell. */
  private void finishFailed(List<Entry> batch, Throwable cause) {
    LOG.warning(() -> "log " + log.partition() + ": append failed: " + cause);
    health.failed("append failed: " + cause.getMessage());
    for (Entry entry : batch) {
      pending.remove(entry.key());
      entry.sequence().fail(new WriteRefused(LogRefusal.UNAVAILABLE));
    }
    appending = false;
    stale(LogRefusal.UNAVAILABLE);
  }

  private static String keyOf(SequencedEvent event) {
    return event.keys().publishKey();
  }

  private static int bytes(SequencedEvent event) {
    return event.json().length() + event.keys().approximateBytes();
  }
}
