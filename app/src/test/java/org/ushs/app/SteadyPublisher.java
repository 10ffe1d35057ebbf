package org.ushs.app;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes fresh events one after another on its own thread until stopped, as a healing service
 * would: a publish that is not acknowledged is sent again, unchanged (same id), a few times.
 * Records each acknowledged id with its sequence.
 */
final class SteadyPublisher {

  /** One publish attempt: the sequence acknowledged; throws when not acknowledged. */
  @FunctionalInterface
  interface Attempt {
    long publish(JsonObject event) throws Exception;
  }

  private static final int ATTEMPTS = 20;
  private static final long PAUSE_MS = 5;
  private static final long RETRY_MS = 200;

  private final Attempt attempt;
  private final Map<String, Long> acked;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger retries = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Thread thread;

  SteadyPublisher(String name, Attempt attempt, Map<String, Long> acked) {
    this.attempt = attempt;
    this.acked = acked;
    this.thread = new Thread(this::run, name);
    thread.start();
  }

  private void run() {
    while (running.get()) {
      JsonObject event = Publish.error("steady", "low");
      publish(event);
      pause(PAUSE_MS);
    }
  }

  private void publish(JsonObject event) {
    Throwable last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        acked.put(event.getString("id"), attempt.publish(event));
        return;
      } catch (Exception | AssertionError e) {
        last = e;
        retries.incrementAndGet();
        pause(RETRY_MS);
      }
    }
    failures.add(event.getString("id") + ": " + last);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops after the publish in progress; returns once the thread ended. */
  void stop() throws InterruptedException {
    running.set(false);
    thread.join(120_000);
  }

  /** Events never acknowledged, with the last failure of each. */
  List<String> failures() {
    return failures;
  }

  /** Attempts that were not acknowledged and sent again. */
  int retries() {
    return retries.get();
  }
}
