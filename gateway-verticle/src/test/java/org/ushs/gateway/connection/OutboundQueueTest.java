package org.ushs.gateway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link OutboundQueue}: bytes are pending from the write until its future completes; a message is
 * refused once the pending bytes reach the bound, so at most the bound plus one message wait.
 */
class OutboundQueueTest {

  /**
   * Steps: {@code +n} offers n bytes and expects it written, {@code xn} expects it refused, {@code
   * -} completes the oldest write, {@code !} fails it. Then the pending bytes and writes made.
   */
  @ParameterizedTest(name = "max {0}, overhead {1}: {2} -> pending {3}")
  @CsvSource({
    "1000, 0, +600 +600 x10, 1200, 2",
    "1000, 0, +999 +5000 x1, 5999, 2",
    "1000, 0, +600 +600 - +10, 610, 3",
    "1000, 0, +1000 x1 - +1, 1, 2",
    "1000, 0, +600 +600 ! +10, 610, 3",
    "1000, 0, +600 - - +10, 10, 2",
    "1000, 0, +2000000 x1 - +1, 1, 2",
    "65536, 0, +65535 +1 x1 x65536, 65536, 2",
    "1000, 512, +100 +100 x100, 1224, 2",
    "1000, 512, +100 - +0 +0 x0, 1024, 3",
    "4194304, 512, +1 +1 +1 +1, 2052, 4",
  })
  void boundsPendingBytes(int max, int overhead, String script, long pending, int writes) {
    Deque<Promise<Void>> inFlight = new ArrayDeque<>();
    int[] written = {0};
    OutboundQueue queue =
        new OutboundQueue(
            max,
            overhead,
            message -> {
              written[0]++;
              Promise<Void> promise = Promise.promise();
              inFlight.add(promise);
              return promise.future();
            });
    for (String step : script.split(" ", -1)) {
      switch (step.charAt(0)) {
        case '+' -> assertEquals(true, queue.offer(bytes(step)), step);
        case 'x' -> assertEquals(false, queue.offer(bytes(step)), step);
        case '-' -> complete(inFlight, Future.succeededFuture());
        default -> complete(inFlight, Future.failedFuture("connection closed"));
      }
    }
    assertEquals(pending, queue.pending());
    assertEquals(writes, written[0]);
  }

  private static Buffer bytes(String step) {
    return Buffer.buffer(new byte[Integer.parseInt(step.substring(1))]);
  }

  private static void complete(Deque<Promise<Void>> inFlight, Future<Void> outcome) {
    Promise<Void> oldest = inFlight.poll();
    if (oldest != null) {
      outcome.onComplete(oldest);
    }
  }
}
