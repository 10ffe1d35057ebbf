package org.ushs.common.log.writer;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.WriteRequest;
import org.ushs.common.log.EventLog;
import org.ushs.common.log.PartitionId;

/**
 * This member's log writers, one per partition it owns, at {@link Addresses#writer} of this member:
 * every node runs one, and a write reaches the owner's in one hop. A write for a partition this
 * member does not own is refused {@link LogRefusal#NOT_OWNER} (the client asks the owner again).
 * Appended batches are published on {@link Addresses#EVENTS}.
 */
public final class WriterEndpoint extends VerticleBase {

  private final PartitionOwners owners;
  private final Function<PartitionId, EventLog> logs;
  private final WriterSettings settings;
  private final AppendHealth health;
  private final IntConsumer appendedEvents;
  private final Map<PartitionId, LogWriter> writers = new HashMap<>();

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
    return vertx
        .eventBus()
        .<WriteRequest>consumer(Addresses.writer(owners.localMember()), this::write)
        .completion();
  }

  private void write(Message<WriteRequest> message) {
    WriteRequest request = message.body();
    if (request == null || request.events().isEmpty()) {
      message.fail(400, "a write request needs events");
      return;
    }
    if (!owners.ownsLocally(request.partition())) {
      LogWriter former = writers.remove(request.partition());
      if (former != null) {
        former.invalidate();
      }
      message.fail(LogRefusal.NOT_OWNER.code, LogRefusal.NOT_OWNER.detail);
      return;
    }
    writers
        .computeIfAbsent(request.partition(), this::writerOf)
        .write(request.events())
        .onSuccess(message::reply)
        .onFailure(failure -> refuse(message, failure));
  }

  private LogWriter writerOf(PartitionId partition) {
    return new LogWriter(
        context,
        logs.apply(partition),
        settings,
        batch -> vertx.eventBus().publish(Addresses.EVENTS, batch),
        health,
        appendedEvents,
        Clock.systemUTC());
  }

  private static void refuse(Message<WriteRequest> message, Throwable failure) {
    LogRefusal refusal =
        failure instanceof WriteRefused refused ? refused.refusal() : LogRefusal.UNAVAILABLE;
    message.fail(refusal.code, failure.getMessage());
  }
}
