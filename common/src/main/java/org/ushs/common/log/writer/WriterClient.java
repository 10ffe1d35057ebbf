package org.ushs.common.log.writer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.WriteRequest;
import org.ushs.common.bus.WriteResult;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.PartitionId;

/**
 * Sends writes to the writer of a partition, on the member that owns it (one bus hop, or a direct
 * call when that is this member). Writes are idempotent by publish key, so what got no answer (the
 * owner died, timed out, moved) is sent again to whoever owns the partition then, up to {@code
 * attempts} times. Fails with {@link WriteRefused}. Futures complete on the caller's context.
 */
public final class WriterClient {

  private static final long PAUSE_MS = 200;

  private final Vertx vertx;
  private final PartitionOwners owners;
  private final WriterEndpoint local;
  private final AppendHealth health;
  private final DeliveryOptions options;
  private final int attempts;

  /**
   * {@code local}: this member's endpoint, called directly while this member owns the partition
   * (null: always over the bus).
   */
  public WriterClient(
      Vertx vertx,
      PartitionOwners owners,
      WriterEndpoint local,
      AppendHealth health,
      Duration timeout,
      int attempts) {
    this.vertx = vertx;
    this.owners = owners;
    this.local = local;
    this.health = health;
    this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    this.attempts = attempts;
  }

  /** The epoch and the sequence of each event, once logged. */
  public Future<WriteResult> write(PartitionId partition, List<PendingEvent> events) {
    return attempt(new WriteRequest(partition, events), 1)
        .onSuccess(result -> health.succeeded())
        .recover(this::refused);
  }

  private Future<WriteResult> attempt(WriteRequest request, int attempt) {
    Future<WriteResult> sent = send(request, owners.ownerOf(request.partition()));
    return sent.recover(
        failure ->
            attempt < attempts && retryable(failure)
                ? vertx.timer(PAUSE_MS).compose(t -> attempt(request, attempt + 1))
                : Future.failedFuture(failure));
  }

  private Future<WriteResult> send(WriteRequest request, String owner) {
    if (owner == null) {
      return Future.failedFuture(new ReplyException(ReplyFailure.NO_HANDLERS, "no log owner"));
    }
    if (local != null && owner.equals(owners.localMember())) {
      return withTimeout(local.writeHere(request));
    }
    return vertx
        .eventBus()
        .<WriteResult>request(Addresses.writer(owner), request, options)
        .map(Message::body);
  }

  /** Fails as a bus request would when the local writer does not answer within the timeout. */
  private Future<WriteResult> withTimeout(Future<WriteResult> written) {
    return written
        .timeout(options.getSendTimeout(), TimeUnit.MILLISECONDS)
        .recover(
            failure ->
                Future.failedFuture(
                    failure instanceof TimeoutException
                        ? new ReplyException(ReplyFailure.TIMEOUT, "the log writer did not answer")
                        : failure));
  }

  private static boolean retryable(Throwable failure) {
    if (!(failure instanceof ReplyException reply)) {
      return false;
    }
    return reply.failureType() != ReplyFailure.RECIPIENT_FAILURE
        || reply.failureCode() == LogRefusal.NOT_OWNER.code
        || reply.failureCode() == LogRefusal.UNAVAILABLE.code;
  }

  private Future<WriteResult> refused(Throwable failure) {
    LogRefusal refusal = LogRefusal.of(failure);
    if (refusal != LogRefusal.TOO_LARGE) {
      health.failed(refusal.title + ": " + failure.getMessage());
    }
    return Future.failedFuture(new WriteRefused(refusal, refusal.detail));
  }
}
