package org.ushs.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.SequencedEvent;

/**
 * {@link FanOut}: events leave in order, at most a slice per event-loop turn; work queued on the
 * event loop meanwhile runs between slices.
 */
class FanOutTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void deliversInOrderASlicePerTurnLettingOtherWorkRunBetween() throws Exception {
    Context context = vertx.getOrCreateContext();
    List<String> seen = new ArrayList<>();
    Promise<List<String>> done = Promise.promise();
    context.runOnContext(
        v -> {
          // each event reaches 2 sessions: 3 units of a 5-unit slice, so 2 events per turn
          FanOut fanOut =
              new FanOut(
                  context,
                  event -> {
                    seen.add("e" + event.sequence());
                    return 2;
                  },
                  5);
          for (long sequence = 0; sequence < 5; sequence++) {
            fanOut.accept(event(sequence));
          }
          seen.add("next=" + fanOut.next());
          context.runOnContext(other -> seen.add("other"));
          fanOut.accept(event(5));
          fanOut.accept(event(6));
          waitFor(context, fanOut, seen, done);
        });
    assertEquals(
        List.of("e0", "e1", "next=2", "e2", "e3", "other", "e4", "e5", "e6", "next=7"),
        done.future().await(10, TimeUnit.SECONDS));
  }

  /** Completes {@code done} with what was seen once all 7 events are out. */
  private static void waitFor(
      Context context, FanOut fanOut, List<String> seen, Promise<List<String>> done) {
    context.runOnContext(
        v -> {
          if (fanOut.next() == 7) {
            seen.add("next=7");
            done.complete(seen);
          } else {
            waitFor(context, fanOut, seen, done);
          }
        });
  }

  private static SequencedEvent event(long sequence) {
    EventKeys keys =
        new EventKeys(
            "id-" + sequence, "/src", "org.ushs.error.x", Category.ERROR, "a", "low", null);
    return new SequencedEvent(sequence, keys, Buffer.buffer("{}"));
  }
}
