package org.ushs.common.log.writer;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.bus.WriteRequest;
import org.ushs.common.bus.WriteResult;
import org.ushs.common.log.EventLog;
import org.ushs.common.log.PartitionId;

/**
 * This member's log writers, one per partition it owns, at {@link Addresses#writer} of this member:
 * every node runs one, and a write reaches the owner's in one hop. A write for a partition this
 * member does not own is refused {@link LogRefusal#NOT_OWNER} (the client asks the owner again).
 * Appended batches are published on {@link Addresses#EVENTS}. After this member was frozen ({@link
 * StallGuard}) its writers forget what they know, writes are refused {@link LogRefusal#NOT_OWNER}
 * for a moment, and batches whose append completes meanwhile are not published (an append in flight
 * at the freeze may have gone to a copy of the ring the cluster has since dropped; one that did
 * reach the log is delivered through the gateways' gap reads).
 */
public final class WriterEndpoint extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(WriterEndpoint.class.getName());

  private final PartitionOwners owners;
  private final Function<PartitionId, EventLog> logs;
  private final WriterSettings settings;
  private final AppendHealth health;
  private final IntConsumer appendedEvents;
  private final Map<PartitionId, LogWriter> writers = new HashMap<>();
  private final StallGuard guard = new StallGuard();

  public WriterEndpoint(
      PartitionOwners owners,
      Function<PartitionId, EventLog> logs,
      WriterSettings settings,
      AppendHealth health,
      IntConsumer appendedEvents) {
    this.owners = owners;
    this.logs = logs;
    this.settings = settings;
    this.health = health;
    this.appendedEvents = appendedEvents;
  }

  @Override
  public Future<?> start() {
    owners.onChange(
        () -> context.runOnContext(v -> writers.values().forEach(LogWriter::invalidate)));
    vertx.setPeriodic(guard.tickMillis(), id -> checkStall());
    return vertx
        .eventBus()
        .<WriteRequest>consumer(Addresses.writer(owners.localMember()), this::write)
        .completion();
  }

  private void checkStall() {
    if (guard.stalled()) {
      LOG.warning(
          "this member did not run for over "
              + StallGuard.LIMIT.toSeconds()
              + " s (frozen?): writes refused for "
              + StallGuard.HOLD.toSeconds()
              + " s, then the index is rebuilt");
      writers.values().forEach(LogWriter::invalidate);
    }
  }

  /**
   * Writes {@code request} here, without the bus: for a client on this member when it owns the
   * partition (the bus request would cost a message, a codec pass and a reply for the same hop).
   * Runs on this endpoint's context; the result belongs to the caller's context (it completes
   * there, and a timeout on it runs on the caller's event loop, not on Netty's global executor),
   * failed as the bus reply would be ({@link ReplyException} with the refusal's code).
   */
  public Future<WriteResult> writeHere(WriteRequest request) {
    Context caller = vertx.getOrCreateContext();
    Promise<WriteResult> written = Promise.promise();
    context.runOnContext(v -> handle(request).onComplete(written));
    return Future.fromCompletionStage(written.future().toCompletionStage(), caller);
  }

  private void write(Message<WriteRequest> message) {
    handle(message.body())
        .onComplete(
            done -> {
              if (done.succeeded()) {
                message.reply(done.result());
              } else {
                ReplyException failure = (ReplyException) done.cause();
                message.fail(failure.failureCode(), failure.getMessage());
              }
            });
  }

  private Future<WriteResult> handle(WriteRequest request) {
    checkStall();
    if (guard.holding()) {
      return Future.failedFuture(LogRefusal.NOT_OWNER.failure());
    }
    if (request == null || request.events().isEmpty()) {
      return refused(400, "a write request needs events");
    }
    if (!owners.ownsLocally(request.partition())) {
      LogWriter former = writers.remove(request.partition());
      if (former != null) {
        former.invalidate();
      }
      return Future.failedFuture(LogRefusal.NOT_OWNER.failure());
    }
    return writers
        .computeIfAbsent(request.partition(), this::writerOf)
        .write(request.events())
        .recover(WriterEndpoint::refused);
  }

  private LogWriter writerOf(PartitionId partition) {
    return new LogWriter(
        context,
        logs.apply(partition),
        settings,
        this::publish,
        health,
        appendedEvents,
        Clock.systemUTC());
  }

  private void publish(EventBatch batch) {
    checkStall();
    if (!guard.holding()) {
      vertx.eventBus().publish(Addresses.EVENTS, batch);
    }
  }

  private static Future<WriteResult> refused(Throwable failure) {
    LogRefusal refusal =
        failure instanceof WriteRefused refused ? refused.refusal() : LogRefusal.UNAVAILABLE;
    return refused(refusal.code, failure.getMessage());
  }

  private static Future<WriteResult> refused(int code, String message) {
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, message));
  }
}
