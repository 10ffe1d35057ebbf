package org.ushs.gateway.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.event.SequencedEvent;
import org.ushs.gateway.GatewayMetrics;

/**
 * {@link ReplayRun} over a log in memory: a replay overtaken by retention says so with a gap and
 * {@code recovered:false} (it said {@code recovered:true} when only the first batch was checked),
 * and held live events over the bound are read back from the log, not lost.
 */
class ReplayRunTest {

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final MemoryLog log = new MemoryLog();
  private final List<Long> events = new ArrayList<>();
  private final List<JsonObject> messages = new ArrayList<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private long lastSequence = -1;

  @AfterEach
  void close() {
    vertx.close();
  }

  private final ResumeTarget target =
      new ResumeTarget() {
        @Override
        public boolean wants(SequencedEvent event) {
          return event.sequence() > lastSequence;
        }

        @Override
        public void sendEvent(SequencedEvent event) {
          lastSequence = event.sequence();
          events.add(event.sequence());
        }

        @Override
        public void sendMessage(Buffer json) {
          messages.add(json.toJsonObject());
        }

        @Override
        public void sendGap(long from, long to, long count, String reason) {
          messages.add(
              new JsonObject()
                  .put("type", "gap")
                  .put("from", from)
                  .put("to", to)
                  .put("reason", reason));
        }

        @Override
        public boolean writeQueueFull(Handler<Void> onDrain) {
          return false;
        }

        @Override
        public boolean isClosing() {
          return false;
        }

        @Override
        public void failReplay() {
          ended.completeExceptionally(new AssertionError("replay failed"));
        }

        @Override
        public void replayEnded() {
          ended.complete(null);
        }
      };

  private ReplayRun run(long boundary) {
    ReplaySettings retention = new ReplaySettings(100_000, Duration.ofHours(1));
    Replays replays =
        new Replays(
            context,
            log,
            started(new LogResumeLog(log)),
            new IdIndex(100),
            RecentEvents.of(retention, 10),
            new ReplayGate(1),
            new GatewayMetrics(new SimpleMeterRegistry()),
            () -> boundary);
    return new ReplayRun(target, replays, boundary);
  }

  private void await() throws Exception {
    ended.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aReplayOvertakenByRetentionAnnouncesTheGapAndIsNotRecovered() throws Exception {
    log.append(0, 1200);
    log.loseAfterRead(1, 600);
    context.runOnContext(v -> run(1199).start(Future.succeededFuture(-1L)));
    await();
    assertEquals(500 + 600, events.size());
    assertEquals(499, events.get(499), "0..499 first");
    assertEquals(600, events.get(500), "then 600..1199");
    JsonObject gap = messages.get(0);
    assertEquals("gap", gap.getString("type"));
    assertEquals(500, gap.getLong("from"));
    assertEquals(599, gap.getLong("to"));
    assertEquals("retention", gap.getString("reason"));
    JsonObject replay = messages.get(1);
    assertFalse(replay.getBoolean("recovered"), replay.encode());
    assertEquals(1100, replay.getInteger("count"));
  }

  @Test
  void heldEventsOverTheBoundDuringAnUnknownIdLookupAreReadBackNotLost() throws Exception {
    int live = ReplayRun.MAX_HELD + 2000;
    log.append(0, 100 + live);
    Promise<Long> lookup = Promise.promise();
    context.runOnContext(
        v -> {
          ReplayRun run = run(99);
          run.start(lookup.future());
          for (long s = 100; s < 100 + live; s++) {
            run.hold(MemoryLog.event(s));
          }
          lookup.complete(null);
        });
    await();
    assertEquals(live, events.size(), "every live event, once");
    for (int i = 0; i < live; i++) {
      assertEquals(100 + i, events.get(i));
    }
    JsonObject replay = messages.get(0);
    assertFalse(replay.getBoolean("recovered"));
    assertEquals(0, replay.getInteger("count"), "live events are not replayed ones");
  }

  @Test
  void earliestStartsWhereTheLogDoesAndIsRecovered() throws Exception {
    log.append(10, 30);
    context.runOnContext(v -> run(29).start(Future.succeededFuture(-1L)));
    await();
    assertEquals(20, events.size());
    assertEquals(10, events.get(0));
    JsonObject replay = messages.get(0);
    assertEquals(true, replay.getBoolean("recovered"), replay.encode());
    assertEquals(20, replay.getInteger("count"));
  }

  @Test
  void aPointWhoseNextEventLeftRetentionReplaysNothing() throws Exception {
    log.append(10, 30);
    context.runOnContext(v -> run(29).start(Future.succeededFuture(3L)));
    await();
    assertEquals(List.of(), events);
    JsonObject replay = messages.get(0);
    assertFalse(replay.getBoolean("recovered"));
    assertEquals(0, replay.getInteger("count"));
  }

  private static LogResumeLog started(LogResumeLog resumeLog) {
    resumeLog.start();
    return resumeLog;
  }
}
