package org.ushs.publisher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes CloudEvents to USHS over the clustered event bus, for healing services that are members
 * of the cluster (see {@link UshsMember}): request/reply to {@code ushs.ingest}, whose reply is the
 * {@link Ack}, given only once the events are in the replay log.
 *
 * <p>Retries are idempotent: an event without an {@code id} is given a random one before the first
 * send, and every retry sends the very same events, so USHS (which dedupes by {@code source}+{@code
 * id}) logs each once and acknowledges a retry with the first sequence. A timeout, a node that
 * left, no ingest node reachable, or a 5xx reply is retried as the {@link RetryPolicy} says; an
 * invalid publish fails at once with {@link PublishRejected}. When the attempts run out the future
 * fails with the last {@link ReplyException}: the events may or may not be logged, and publishing
 * them again, unchanged, later is safe.
 *
 * <p>Credentials ({@link #withBearerToken}, {@link #withApiKey}) travel as message headers; a
 * publish without them is trusted unless the node requires credentials on the bus ({@code
 * USHS_BUS_REQUIRE_CREDENTIALS}), when it is rejected with 401.
 *
 * <p>Thread-safe; futures complete on the caller's context. Depends on vertx-core only.
 */
public final class UshsPublisher {

  /** The event-bus address of USHS ingest. */
  public static final String ADDRESS = "ushs.ingest";

  /** The message header of a bearer token, as on HTTP. */
  static final String AUTHORIZATION = "Authorization";

  /** The message header of an API key, as on HTTP. */
  static final String API_KEY = "X-API-Key";

  private static final Logger LOG = Logger.getLogger(UshsPublisher.class.getName());

  /** What to do after a failed attempt. */
  enum Outcome {
    RETRY,
    REJECTED,
    GIVE_UP
  }

  private final Vertx vertx;
  private final RetryPolicy policy;
  private final DeliveryOptions delivery;

  private UshsPublisher(Vertx vertx, RetryPolicy policy, DeliveryOptions delivery) {
    this.vertx = vertx;
    this.policy = policy;
    this.delivery = delivery;
  }

  /**
   * The same publisher sending a bearer token with each publish (the {@code Authorization} message
   * header): USHS then enforces the token's permissions ({@code publish}, {@code eventTypes},
   * {@code services}), and a node that requires credentials on the bus accepts its publishes.
   */
  public UshsPublisher withBearerToken(String token) {
    return withHeader(AUTHORIZATION, "Bearer " + token);
  }

  /** The same publisher sending an API key with each publish (the {@code X-API-Key} header). */
  public UshsPublisher withApiKey(String key) {
    return withHeader(API_KEY, key);
  }

  private UshsPublisher withHeader(String name, String value) {
    return new UshsPublisher(
        vertx,
        policy,
        new DeliveryOptions().setSendTimeout(delivery.getSendTimeout()).addHeader(name, value));
  }

  /** A publisher with {@link RetryPolicy#DEFAULT}. */
  public static UshsPublisher create(Vertx vertx) {
    return create(vertx, RetryPolicy.DEFAULT);
  }

  public static UshsPublisher create(Vertx vertx, RetryPolicy policy) {
    return new UshsPublisher(
        vertx, policy, new DeliveryOptions().setSendTimeout(policy.requestTimeout().toMillis()));
  }

  /** Publishes one CloudEvent (JSON, structured form). The event given is not modified. */
  public Future<Ack> publish(JsonObject event) {
    JsonObject sent = withId(event);
    return attempt(sent, sent.getString("id"), 0);
  }

  /** Publishes a batch: all of it is logged, in order, or (when invalid) none of it. */
  public Future<Ack> publishBatch(List<JsonObject> events) {
    if (events.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("a batch needs at least one event"));
    }
    JsonArray batch = new JsonArray();
    events.forEach(event -> batch.add(withId(event)));
    String name = events.size() + " events from " + batch.getJsonObject(0).getString("id");
    return attempt(batch, name, 0);
  }

  private Future<Ack> attempt(Object body, String name, int attempt) {
    return vertx
        .eventBus()
        .<JsonObject>request(ADDRESS, body, delivery)
        .map(reply -> Ack.fromJson(reply.body()))
        .recover(failure -> afterFailure(failure, body, name, attempt));
  }

  private Future<Ack> afterFailure(Throwable failure, Object body, String name, int attempt) {
    Outcome outcome = classify(failure);
    if (outcome == Outcome.REJECTED) {
      ReplyException reply = (ReplyException) failure;
      return Future.failedFuture(new PublishRejected(reply.failureCode(), reply.getMessage()));
    }
    if (outcome == Outcome.GIVE_UP || attempt + 1 >= policy.maxAttempts()) {
      LOG.log(Level.WARNING, "publish of {0} failed: {1}", new Object[] {name, failure});
      return Future.failedFuture(failure);
    }
    long delay = policy.backoffMillis(attempt, ThreadLocalRandom.current().nextDouble());
    LOG.log(
        Level.INFO,
        "publish of {0} not acknowledged ({1}); attempt {2} of {3} in {4} ms",
        new Object[] {name, failure.getMessage(), attempt + 2, policy.maxAttempts(), delay});
    return vertx.timer(Math.max(1, delay)).compose(fired -> attempt(body, name, attempt + 1));
  }

  /**
   * Retry what may succeed on another attempt or node: a timeout, no handler (yet), a transport
   * error, a failure reply of 5xx. A 4xx reply is a rejection. Anything else is not a bus failure.
   */
  static Outcome classify(Throwable failure) {
    if (!(failure instanceof ReplyException reply)) {
      return Outcome.GIVE_UP;
    }
    if (reply.failureType() != ReplyFailure.RECIPIENT_FAILURE) {
      return Outcome.RETRY;
    }
    int code = reply.failureCode();
    return code >= 400 && code < 500 ? Outcome.REJECTED : Outcome.RETRY;
  }

  private static JsonObject withId(JsonObject event) {
    JsonObject copy = event.copy();
    if (!(copy.getValue("id") instanceof String id) || id.isBlank()) {
      copy.put("id", UUID.randomUUID().toString());
    }
    return copy;
  }
}
