package org.ushs.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link UshsPublisher} against a scripted {@code ushs.ingest} consumer on a real (local) event
 * bus: which failures are retried, that a retry sends the same id, and when it gives up.
 */
class UshsPublisherTest {

  private static final RetryPolicy FAST =
      new RetryPolicy(4, Duration.ofMillis(300), Duration.ofMillis(5), Duration.ofMillis(20));

  private final Vertx vertx = Vertx.vertx();
  private final List<Object> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    await(vertx.close());
  }

  /** A consumer that answers the n-th request (0-based) as {@code script} says. */
  private void ingest(List<Consumer<Message<Object>>> script) {
    vertx
        .eventBus()
        .consumer(
            UshsPublisher.ADDRESS,
            (Message<Object> message) -> {
              int n = received.size();
              received.add(message.body());
              script.get(Math.min(n, script.size() - 1)).accept(message);
            });
  }

  private static Consumer<Message<Object>> fail(int code) {
    return message -> message.fail(code, "{\"status\":" + code + ",\"detail\":\"scripted\"}");
  }

  private static Consumer<Message<Object>> ack(long sequence) {
    return message -> {
      JsonObject event = (JsonObject) message.body();
      message.reply(
          new JsonObject()
              .put(
                  "accepted",
                  new JsonArray()
                      .add(
                          new JsonObject()
                              .put("id", event.getString("id"))
                              .put("sequence", Long.toString(sequence)))));
    };
  }

  /** Never answers: the request times out. */
  private static void ignore(Message<Object> message) {}

  private static JsonObject event(String id) {
    JsonObject event = new JsonObject().put("specversion", "1.0").put("source", "/t");
    return id == null ? event : event.put("id", id);
  }

  @Test
  void failuresWorthRetryingAreRetriedWithTheSameId() {
    ingest(List.of(fail(503), UshsPublisherTest::ignore, ack(41)));
    Ack ack = await(UshsPublisher.create(vertx, FAST).publish(event(null)));

    assertEquals(3, received.size());
    String id = ((JsonObject) received.get(0)).getString("id");
    assertNotNull(id);
    received.forEach(body -> assertEquals(id, ((JsonObject) body).getString("id")));
    assertEquals(List.of(new Ack.Accepted(id, 41)), ack.accepted());
  }

  @Test
  void aRejectionIsNotRetried() {
    ingest(List.of(fail(400), ack(1)));
    Throwable failure = awaitFailure(UshsPublisher.create(vertx, FAST).publish(event("e-1")));

    PublishRejected rejected = assertInstanceOf(PublishRejected.class, failure);
    assertEquals(400, rejected.status());
    assertEquals("scripted", rejected.problem().getString("detail"));
    assertEquals(1, received.size());
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailure() {
    ingest(List.of(fail(503)));
    Throwable failure = awaitFailure(UshsPublisher.create(vertx, FAST).publish(event("e-2")));

    assertEquals(503, assertInstanceOf(ReplyException.class, failure).failureCode());
    assertEquals(FAST.maxAttempts(), received.size());
  }

  @Test
  void noIngestNodeIsRetriedUntilOneAppears() {
    Future<Ack> publishing = UshsPublisher.create(vertx, FAST).publish(event("e-3"));
    vertx.setTimer(1, id -> ingest(List.of(ack(7))));
    assertEquals(7, await(publishing).accepted().get(0).sequence());
  }

  @Test
  void theCallersEventIsNotModified() {
    ingest(List.of(ack(1)));
    JsonObject event = event(null);
    await(UshsPublisher.create(vertx, FAST).publish(event));
    assertFalse(event.containsKey("id"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "TIMEOUT, -1, RETRY",
    "NO_HANDLERS, -1, RETRY",
    "ERROR, -1, RETRY",
    "RECIPIENT_FAILURE, 503, RETRY",
    "RECIPIENT_FAILURE, 500, RETRY",
    "RECIPIENT_FAILURE, -1, RETRY",
    "RECIPIENT_FAILURE, 400, REJECTED",
    "RECIPIENT_FAILURE, 403, REJECTED",
  })
  void classification(ReplyFailure type, int code, UshsPublisher.Outcome expected) {
    assertEquals(expected, UshsPublisher.classify(new ReplyException(type, code, "x")));
  }

  @Test
  void aFailureThatIsNotTheBusIsNotRetried() {
    assertEquals(
        UshsPublisher.Outcome.GIVE_UP, UshsPublisher.classify(new IllegalStateException("bug")));
    assertTrue(UshsPublisher.create(vertx).publishBatch(List.of()).failed());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  private static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("did not fail");
  }
}
