package org.ushs.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The subscribers of one generator event loop, with their latency histogram and counters. Every
 * method may be called from any thread: the work runs on the lane's own context.
 */
final class Lane extends VerticleBase {

  static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(120);

  private final Target target;
  private final LongAdder delivered;
  private final List<Subscriber> subscribers = new ArrayList<>();
  private final List<NetClient> clients = new ArrayList<>();
  private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
  private long deliveries;
  private long bytes;
  private long lastDeliveryNanos;
  private int connectFailures;
  private final java.util.concurrent.atomic.AtomicInteger replaysSeen =
      new java.util.concurrent.atomic.AtomicInteger();
  private String firstFailure;

  /**
   * @param delivered counts every event delivered to any lane, read by the publisher's window
   */
  Lane(Target target, LongAdder delivered) {
    this.target = target;
    this.delivered = delivered;
  }

  @Override
  public Future<?> start() {
    for (String local : target.localAddresses()) {
      clients.add(
          vertx.createNetClient(
              new NetClientOptions()
                  .setLocalAddress(local)
                  .setConnectTimeout(60_000)
                  .setTcpNoDelay(true)));
    }
    return Future.succeededFuture();
  }

  /** Opens {@code specs}, at most {@code concurrency} handshakes at a time; the failures. */
  Future<Integer> open(List<SubscriberSpec> specs, int concurrency) {
    return on(
        () -> {
          Promise<Integer> done = Promise.promise();
          Iterator<SubscriberSpec> next = specs.iterator();
          int[] inFlight = {0};
          int before = connectFailures;
          Runnable pump =
              new Runnable() {
                @Override
                public void run() {
                  while (inFlight[0] < concurrency && next.hasNext()) {
                    inFlight[0]++;
                    connect(next.next())
                        .onComplete(
                            result -> {
                              inFlight[0]--;
                              run();
                            });
                  }
                  if (inFlight[0] == 0 && !next.hasNext()) {
                    done.tryComplete(connectFailures - before);
                  }
                }
              };
          pump.run();
          return done.future();
        });
  }

  private Future<Void> connect(SubscriberSpec spec) {
    Subscriber subscriber = new Subscriber(spec);
    NetClient client = clients.get(subscribers.size() % clients.size());
    subscribers.add(subscriber);
    Future<Void> connected =
        target.nats() ? connectNats(client, subscriber) : connectUshs(client, subscriber);
    return connected
        .onFailure(
            failure -> {
              subscriber.onClose((short) -1);
              connectFailures++;
              if (firstFailure == null) {
                firstFailure = failure.toString();
              }
            })
        .otherwiseEmpty();
  }

  private Future<Void> connectUshs(NetClient client, Subscriber subscriber) {
    SubscriberSpec spec = subscriber.spec;
    return RawWebSocket.connect(
            client, target, spec.uri(), spec.lastEventId(), listener(subscriber, this::onFrame))
        .mapEmpty();
  }

  /**
   * A NATS websocket subscriber of the subject of its service, or of every service: connected once
   * the server answered the PING sent after CONNECT and SUB, so the subscription is in place.
   */
  private Future<Void> connectNats(NetClient client, Subscriber subscriber) {
    NatsStream stream = new NatsStream();
    Promise<Void> subscribed = Promise.promise();
    RawWebSocket[] socket = new RawWebSocket[1];
    NatsStream.Sink sink =
        new NatsStream.Sink() {
          @Override
          public void message(byte[] bytes, int from, int to) {
            onFrame(subscriber, bytes, from, to);
          }

          @Override
          public void ping() {
            socket[0].sendBinary(NatsChannel.ascii("PONG\r\n"));
          }

          @Override
          public void pong() {
            subscribed.tryComplete();
          }

          @Override
          public void error(String line) {
            subscribed.tryFail(line);
          }
        };
    RawWebSocket.Listener listener =
        listener(subscriber, (s, bytes, from, to) -> stream.feed(bytes, from, to, sink));
    return RawWebSocket.connect(client, target, "/", null, listener)
        .compose(
            ws -> {
              socket[0] = ws;
              ws.sendBinary(
                  NatsChannel.ascii(
                      NatsChannel.CONNECT + NatsChannel.subscribe(subscriber.spec.service())));
              return subscribed.future();
            });
  }

  private interface FrameHandler {
    void frame(Subscriber subscriber, byte[] payload, int from, int to);
  }

  private static RawWebSocket.Listener listener(Subscriber subscriber, FrameHandler frames) {
    return new RawWebSocket.Listener() {
      @Override
      public void message(byte[] payload, int from, int to) {
        frames.frame(subscriber, payload, from, to);
      }

      @Override
      public void closed(short code) {
        subscriber.onClose(code);
      }
    };
  }

  private void onFrame(Subscriber subscriber, byte[] frame, int from, int to) {
    long now = System.nanoTime();
    if (!FrameScan.isEvent(frame, from, to)) {
      subscriber.onControl(frame, from, to, now);
      if (subscriber.replayCount >= 0) {
        replaysSeen.incrementAndGet();
      }
      return;
    }
    long sentAt = FrameScan.sentAtNanos(frame, from, to);
    if (sentAt != FrameScan.ABSENT) {
      latency.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, (now - sentAt) / 1000)));
    }
    subscriber.onEvent(FrameScan.sequence(frame, from, to), FrameScan.idNumber(frame, from, to));
    deliveries++;
    bytes += to - from;
    lastDeliveryNanos = now;
    delivered.increment();
  }

  /** Starts a round whose publish numbers begin at {@code base}. */
  Future<Void> reset(long base) {
    return on(
        () -> {
          subscribers.forEach(subscriber -> subscriber.reset(base));
          latency.reset();
          deliveries = 0;
          bytes = 0;
          lastDeliveryNanos = 0;
          return Future.succeededFuture();
        });
  }

  /** The round's figures; {@code expected} gives the events a subscriber should have had. */
  Future<LaneResult> collect(Function<SubscriberSpec, Long> expected) {
    return on(
        () -> {
          long lost = 0;
          long duplicates = 0;
          long outOfOrder = 0;
          long strays = 0;
          long closed = 0;
          List<Subscriber> replays = new ArrayList<>();
          for (Subscriber subscriber : subscribers) {
            lost += Math.max(0, expected.apply(subscriber.spec) - subscriber.distinct);
            duplicates += subscriber.duplicates;
            outOfOrder += subscriber.outOfOrder;
            strays += subscriber.strays;
            closed += subscriber.closed ? 1 : 0;
            if (subscriber.replayCount >= 0) {
              replays.add(subscriber);
            }
          }
          return Future.succeededFuture(
              new LaneResult(
                  deliveries,
                  bytes,
                  lost,
                  duplicates,
                  outOfOrder,
                  strays,
                  closed,
                  lastDeliveryNanos,
                  latency.copy(),
                  replays));
        });
  }

  /** The close codes of the closed subscribers, for the report: {@code code -> count}. */
  Future<java.util.Map<Short, Integer>> closeCodes() {
    return on(
        () -> {
          java.util.Map<Short, Integer> codes = new java.util.TreeMap<>();
          subscribers.stream()
              .filter(subscriber -> subscriber.closed)
              .forEach(subscriber -> codes.merge(subscriber.closeCode, 1, Integer::sum));
          return Future.succeededFuture(codes);
        });
  }

  /** How many {@code replay} messages this lane's subscribers received; any thread. */
  int replaysSeen() {
    return replaysSeen.get();
  }

  String firstFailure() {
    return firstFailure;
  }

  /** Closes every connection and forgets the subscribers. */
  Future<Void> closeAll() {
    return on(
        () -> {
          List<Future<Void>> closing = new ArrayList<>();
          for (NetClient client : clients) {
            closing.add(client.close());
          }
          subscribers.clear();
          clients.clear();
          return Future.join(closing).compose(closed -> start()).mapEmpty();
        });
  }

  private <T> Future<T> on(Callable<Future<T>> work) {
    Context context = this.context;
    Promise<T> promise = Promise.promise();
    context.runOnContext(
        ignored -> {
          try {
            work.call().onComplete(promise);
          } catch (Exception e) {
            promise.fail(e);
          }
        });
    return promise.future();
  }
}
