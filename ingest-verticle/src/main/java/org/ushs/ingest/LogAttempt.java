package org.ushs.ingest;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.LogReader;
import org.ushs.common.log.PublishDedupe;

/**
 * One attempt of this node to log some keys once: reserve them in the dedupe map (atomically per
 * key), append those reserved, remember their sequences, then complete each key's promise. A key
 * logged before completes with its sequence; one another live node is logging fails with {@link
 * PublishInProgress}; one whose earlier attempt ended unknown (its node died between append and
 * remember) is looked up in the log, and only appended if absent. Without the reservation, a retry
 * after such a death would log the event twice. Used on one context only.
 */
final class LogAttempt {

  private static final Logger LOG = Logger.getLogger(LogAttempt.class.getName());

  private final AppendBatcher batcher;
  private final PublishDedupe dedupe;
  private final LogReader log;
  private final String mark;
  private final Map<String, Promise<Long>> keys;
  private final Map<String, PendingEvent> events;
  private final Map<String, Long> logged = new HashMap<>();

  LogAttempt(
      AppendBatcher batcher,
      PublishDedupe dedupe,
      LogReader log,
      String mark,
      Map<String, Promise<Long>> keys,
      Map<String, PendingEvent> events) {
    this.batcher = batcher;
    this.dedupe = dedupe;
    this.log = log;
    this.mark = mark;
    this.keys = keys;
    this.events = events;
  }

  void run() {
    dedupe.reserve(keys.keySet(), mark).compose(this::settle).onComplete(this::finish);
  }

  private Future<Void> settle(Map<String, String> previous) {
    long now = System.currentTimeMillis();
    List<String> append = new ArrayList<>();
    List<String> orphans = new ArrayList<>();
    keys.forEach(
        (key, promise) -> {
          String value = previous.get(key);
          switch (Claim.of(value, mark, dedupe.member(), dedupe::isMember, now)) {
            case APPEND -> append.add(key);
            case LOGGED -> promise.complete(Long.parseLong(value));
            case IN_PROGRESS -> promise.fail(inProgress(key));
            case ORPHAN -> orphans.add(key);
          }
        });
    if (orphans.isEmpty()) {
      return append(append);
    }
    LOG.info(() -> orphans.size() + " publish(es) whose earlier attempt ended unknown: scanning");
    return LogScan.find(log, new HashSet<>(orphans))
        .compose(found -> takeOver(orphans, found, previous))
        .compose(taken -> append(inOrder(append, taken)));
  }

  private Future<List<String>> takeOver(
      List<String> orphans, Map<String, Long> found, Map<String, String> previous) {
    List<String> taken = new ArrayList<>();
    List<Future<Boolean>> tries = new ArrayList<>();
    for (String key : orphans) {
      if (found.containsKey(key)) {
        logged.put(key, found.get(key));
        continue;
      }
      tries.add(
          dedupe
              .takeOver(key, previous.get(key), mark)
              .onSuccess(
                  won -> {
                    if (won) {
                      taken.add(key);
                    } else {
                      keys.get(key).tryFail(inProgress(key));
                    }
                  }));
    }
    return Future.all(tries).map(all -> taken);
  }

  private List<String> inOrder(List<String> append, List<String> taken) {
    return keys.keySet().stream().filter(k -> append.contains(k) || taken.contains(k)).toList();
  }

  private Future<Void> append(List<String> ordered) {
    List<Future<Long>> appends = new ArrayList<>();
    for (String key : ordered) {
      appends.add(batcher.append(events.get(key)).onSuccess(seq -> logged.put(key, seq)));
    }
    return Future.join(appends).mapEmpty();
  }

  /** Remembers whatever was logged, even if part failed, then completes every key. */
  private void finish(AsyncResult<Void> settled) {
    Future<Void> remembered = logged.isEmpty() ? Future.succeededFuture() : dedupe.remember(logged);
    remembered.onComplete(
        done -> {
          if (done.succeeded()) {
            logged.forEach((key, sequence) -> keys.get(key).tryComplete(sequence));
          }
          Throwable failure = done.succeeded() ? settled.cause() : done.cause();
          if (failure != null) {
            keys.values().forEach(promise -> promise.tryFail(failure));
          }
        });
  }

  private PublishInProgress inProgress(String key) {
    return new PublishInProgress(events.get(key).keys().id());
  }
}
