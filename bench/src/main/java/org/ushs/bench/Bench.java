package org.ushs.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The generator's machinery: a Vert.x instance with one {@link Lane} of subscribers per event loop
 * and a {@link Publisher}. Driven from the main thread, which blocks on each step.
 */
final class Bench implements AutoCloseable {

  final Target target;
  final Vertx vertx;
  final List<Lane> lanes = new ArrayList<>();
  final Publisher publisher;
  final LongAdder delivered = new LongAdder();

  private Bench(Target target, int loops, EventFactory events) {
    this.target = target;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    PublishChannel channel =
        target.nats() ? new NatsChannel(target, events) : new HttpChannel(target);
    this.publisher = new Publisher(channel, events, delivered);
    await(
        vertx.deployVerticle(
            () -> {
              Lane lane = new Lane(target, delivered);
              synchronized (lanes) {
                lanes.add(lane);
              }
              return lane;
            },
            new DeploymentOptions().setInstances(loops)),
        60);
    await(vertx.deployVerticle(publisher), 60);
  }

  static Bench start(Options options, int services) {
    return start(options, services, false);
  }

  /** With {@code mixedSeverities}, events cycle through critical, high, medium and low. */
  static Bench start(Options options, int services, boolean mixedSeverities) {
    String runTag = "b" + Long.toString(System.currentTimeMillis(), 36);
    return new Bench(
        Target.of(options),
        options.integer("loops", 2),
        new EventFactory(runTag, services, mixedSeverities));
  }

  /** Opens {@code specs} spread round-robin over the lanes; the number that failed. */
  int open(List<SubscriberSpec> specs, int concurrencyPerLane) {
    List<List<SubscriberSpec>> shares = new ArrayList<>();
    lanes.forEach(lane -> shares.add(new ArrayList<>()));
    for (int i = 0; i < specs.size(); i++) {
      shares.get(i % lanes.size()).add(specs.get(i));
    }
    List<Future<Integer>> opening = new ArrayList<>();
    for (int i = 0; i < lanes.size(); i++) {
      opening.add(lanes.get(i).open(shares.get(i), concurrencyPerLane));
    }
    int failures = 0;
    for (Future<Integer> lane : opening) {
      failures += await(lane, 600);
    }
    return failures;
  }

  /** The first connect failure any lane saw, or null. */
  String firstFailure() {
    return lanes.stream().map(Lane::firstFailure).filter(f -> f != null).findFirst().orElse(null);
  }

  int replaysSeen() {
    return lanes.stream().mapToInt(Lane::replaysSeen).sum();
  }

  void reset(long base) {
    delivered.reset();
    lanes.forEach(lane -> await(lane.reset(base), 30));
  }

  LaneResult collect(Function<SubscriberSpec, Long> expected) {
    List<LaneResult> results = new ArrayList<>();
    lanes.forEach(lane -> results.add(await(lane.collect(expected), 30)));
    return LaneResult.merge(results);
  }

  Map<Short, Integer> closeCodes() {
    Map<Short, Integer> codes = new TreeMap<>();
    lanes.forEach(
        lane -> await(lane.closeCodes(), 30).forEach((k, v) -> codes.merge(k, v, Integer::sum)));
    return codes;
  }

  void closeSubscribers() {
    lanes.forEach(lane -> await(lane.closeAll(), 120));
  }

  /**
   * Waits until {@code expected} deliveries arrived, or none arrived for {@code quietSeconds}; the
   * deliveries counted.
   */
  long awaitDeliveries(long expected, double quietSeconds) {
    long last = -1;
    long lastChange = System.nanoTime();
    while (true) {
      long now = delivered.sum();
      if (now >= expected) {
        return now;
      }
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > quietSeconds * 1e9) {
        return now;
      }
      sleep(5);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static <T> T await(Future<T> future, long seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("bench step failed: " + e, e);
    }
  }

  @Override
  public void close() {
    await(vertx.close(), 60);
  }
}
