package org.ushs.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Publishes batches of events over the HTTP API ({@code application/cloudevents-batch+json}) as a
 * {@link PublishPlan} says. One round at a time, on its own context.
 */
final class Publisher extends VerticleBase {

  static final String PATH = "/ushs/v1/events";

  private final Target target;
  private final EventFactory events;
  private final LongAdder delivered;
  private HttpClient http;
  private final AtomicLong nextN = new AtomicLong();

  Publisher(Target target, EventFactory events, LongAdder delivered) {
    this.target = target;
    this.events = events;
    this.delivered = delivered;
  }

  @Override
  public Future<?> start() {
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(target.host())
                .setDefaultPort(target.ingestPort())
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(256));
    return Future.succeededFuture();
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
      Buffer body = Buffer.buffer(count * EventFactory.DELIVERED_SIZE + 2).appendByte((byte) '[');
      for (long n = first; n < first + count; n++) {
        if (n > first) {
          body.appendByte((byte) ',');
        }
        body.appendBytes(events.event(n, System.nanoTime(), now));
        expected += plan.deliveriesOf(n);
      }
      body.appendByte((byte) ']');
      expectedSent += expected;
      inFlight++;
      long requested = System.nanoTime();
      long deliveries = expected;
      http.request(
              new RequestOptions()
                  .setMethod(HttpMethod.POST)
                  .setURI(PATH)
                  .putHeader("Authorization", "Bearer " + target.publisherToken())
                  .putHeader("Content-Type", "application/cloudevents-batch+json"))
          .compose(request -> request.send(body))
          .compose(response -> response.body().map(answer -> response.statusCode()))
          .onComplete(
              answered -> {
                inFlight--;
                long now2 = System.nanoTime();
                ackLatency.recordValue(
                    Math.min(Lane.MAX_LATENCY_MICROS, (now2 - requested) / 1000));
                if (answered.succeeded() && answered.result() == 202) {
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
