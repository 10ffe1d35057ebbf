package org.ushs.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Publishes events through a {@link PublishChannel} (USHS's HTTP API, or NATS) as a {@link
 * PublishPlan} says: the pace, the events per request and the requests in flight. One round at a
 * time, on its own context.
 */
final class Publisher extends VerticleBase {

  private final PublishChannel channel;
  private final EventFactory events;
  private final LongAdder delivered;
  private final AtomicLong nextN = new AtomicLong();

  Publisher(PublishChannel channel, EventFactory events, LongAdder delivered) {
    this.channel = channel;
    this.events = events;
    this.delivered = delivered;
  }

  @Override
  public Future<?> start() {
    return channel.open(vertx);
  }

  EventFactory events() {
    return events;
  }

  /** The publish number the next round starts at; read between rounds. */
  long nextN() {
    return nextN.get();
  }

  /** Publishes one round; completes when every request of it is answered. */
  Future<PublishResult> run(PublishPlan plan) {
    Promise<PublishResult> result = Promise.promise();
    context.runOnContext(ignored -> new Round(plan, result).start());
    return result.future();
  }

  /** The state of one round, on the publisher's context. */
  private final class Round {
    private final PublishPlan plan;
    private final Promise<PublishResult> result;
    private final long firstN = nextN.get();
    private final long[] ackedPerService;
    private final Histogram ackLatency = new Histogram(Lane.MAX_LATENCY_MICROS, 3);
    private long startNanos;
    private long lastAckNanos;
    private long expectedSent;
    private long expectedAcked;
    private long acked;
    private long failed;
    private int inFlight;
    private boolean stopping;
    private long timer = -1;
    private String firstFailure;

    Round(PublishPlan plan, Promise<PublishResult> result) {
      this.plan = plan;
      this.result = result;
      this.ackedPerService = new long[plan.deliveriesPerService().size()];
    }

    void start() {
      startNanos = System.nanoTime();
      lastAckNanos = startNanos;
      if (plan.mode() != PublishPlan.Mode.ACKS) {
        timer = vertx.setPeriodic(1, id -> pump());
      }
      pump();
    }

    private long sent() {
      return nextN.get() - firstN;
    }

    private void pump() {
      while (!stopping && inFlight < plan.concurrency()) {
        int count = allowance();
        if (count <= 0) {
          break;
        }
        send(count);
      }
      if (stopping && inFlight == 0) {
        finish();
      }
    }

    private int allowance() {
      long now = System.nanoTime();
      long remaining = plan.maxEvents() > 0 ? plan.maxEvents() - sent() : Long.MAX_VALUE;
      if (remaining <= 0 || (plan.seconds() > 0 && now - startNanos >= plan.seconds() * 1e9)) {
        stopping = true;
        return 0;
      }
      long allowed = Math.min(plan.batch(), remaining);
      return switch (plan.mode()) {
        case WINDOW -> expectedSent - delivered.sum() < plan.window() ? (int) allowed : 0;
        case RATE -> {
          long due = (long) (plan.eventsPerSecond() * (now - startNanos) / 1e9) - sent();
          yield (int) Math.min(allowed, due);
        }
        case ACKS -> (int) allowed;
      };
    }

    private void send(int count) {
      long first = nextN.getAndAdd(count);
      long expected = 0;
      Instant now = Instant.now();
      List<byte[]> batch = new ArrayList<>(count);
      for (long n = first; n < first + count; n++) {
        batch.add(events.event(n, System.nanoTime(), now));
        expected += plan.deliveriesOf(n);
      }
      expectedSent += expected;
      inFlight++;
      long requested = System.nanoTime();
      long deliveries = expected;
      channel
          .send(first, batch)
          .onComplete(
              answered -> {
                inFlight--;
                long now2 = System.nanoTime();
                ackLatency.recordValue(
                    Math.min(Lane.MAX_LATENCY_MICROS, (now2 - requested) / 1000));
                if (answered.succeeded() && answered.result() == PublishChannel.ACCEPTED) {
                  acked += count;
                  expectedAcked += deliveries;
                  for (long n = first; n < first + count; n++) {
                    ackedPerService[(int) (n % ackedPerService.length)]++;
                  }
                  lastAckNanos = now2;
                } else {
                  failed += count;
                  expectedSent -= deliveries;
                  if (firstFailure == null) {
                    firstFailure =
                        answered.succeeded()
                            ? "status " + answered.result()
                            : answered.cause().toString();
                  }
                }
                pump();
              });
    }

    private void finish() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
      result.tryComplete(
          new PublishResult(
              firstN,
              nextN.get(),
              acked,
              failed,
              PublishPlan.perService(ackedPerService),
              expectedAcked,
              startNanos,
              lastAckNanos,
              ackLatency,
              firstFailure));
    }
  }
}
