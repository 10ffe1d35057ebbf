package org.ushs.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.bus.Addresses;

/** A read nobody answers is sent again, a bounded number of times; a failure answer is final. */
class BusLogReaderTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /**
   * The replay side ignores the first {@code silent} requests, then answers 41 ({@code ok}) or
   * fails with 503.
   */
  @ParameterizedTest(name = "silent {0}, then ok={1} -> {2} after {3} request(s)")
  @CsvSource({
    "0, true, 41, 1",
    "1, true, 41, 2",
    "2, true, 41, 3",
    "3, true, TIMEOUT, 3",
    "0, false, 503, 1",
    "1, false, 503, 2",
  })
  void unansweredReadsAreRetried(int silent, boolean ok, String outcome, int expectedRequests)
      throws Exception {
    vertx
        .eventBus()
        .consumer(
            Addresses.REPLAY_NEWEST,
            (Message<Object> message) -> {
              if (requests.incrementAndGet() > silent) {
                if (ok) {
                  message.reply(41L);
                } else {
                  message.fail(503, "log unavailable");
                }
              }
            })
        .completion()
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    Future<Long> newest = new BusLogReader(vertx.eventBus(), Duration.ofMillis(100)).newest();

    assertEquals(outcome, result(newest));
    assertEquals(expectedRequests, requests.get());
  }

  private static String result(Future<Long> future) throws InterruptedException {
    try {
      return String.valueOf(
          future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      ReplyException reply = assertInstanceOf(ReplyException.class, e.getCause());
      return reply.failureType() == ReplyFailure.TIMEOUT
          ? "TIMEOUT"
          : Integer.toString(reply.failureCode());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
