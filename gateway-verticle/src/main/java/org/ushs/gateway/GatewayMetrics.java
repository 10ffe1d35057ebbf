package org.ushs.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.ushs.gateway.protocol.ErrorCode;

/**
 * The client side's meters, shared by every gateway instance of a node: open connections, events
 * delivered, replays asked and not recovered, events read from the log to fill gaps, connections
 * the server closed (by code: slow consumer, rate limit ...), and bytes written to sockets but not
 * yet flushed. Thread-safe: instances on several event loops call it.
 */
public final class GatewayMetrics {

  private final MeterRegistry registry;
  private final AtomicInteger connections = new AtomicInteger();
  private final LongAdder queuedBytes = new LongAdder();
  private final List<LongSupplier> gapFills = new CopyOnWriteArrayList<>();
  private final Counter delivered;
  private final Counter replays;
  private final Counter unrecovered;
  private final Counter shed;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("ushs.connections", connections, AtomicInteger::get)
        .description("Client WebSocket connections open on this node")
        .register(registry);
    Gauge.builder("ushs.outbound.queue", queuedBytes, LongAdder::sum)
        .description("Bytes handed to client sockets and not yet taken by them, all connections")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder("ushs.gap.filled", gapFills, GatewayMetrics::sum)
        .description("Events read from the log to fill gaps the event bus left")
        .register(registry);
    delivered =
        Counter.builder("ushs.events.delivered")
            .description("Events written to client connections (one per connection)")
            .register(registry);
    replays =
        Counter.builder("ushs.replay.requests")
            .description("Connections that asked to resume after a Last-Event-ID")
            .register(registry);
    unrecovered =
        Counter.builder("ushs.replay.unrecovered")
            .description("Resumes answered recovered:false (id unknown or out of retention)")
            .register(registry);
    shed =
        Counter.builder("ushs.events.shed")
            .description("Low and medium events dropped for clients past the soft mark")
            .register(registry);
    closeCounter(ErrorCode.SLOW_CONSUMER);
    closeCounter(ErrorCode.RATE_LIMITED);
  }

  void opened() {
    connections.incrementAndGet();
  }

  void closed() {
    connections.decrementAndGet();
  }

  void delivered(int events) {
    if (events > 0) {
      delivered.increment(events);
    }
  }

  /** An event was shed for a slow client. */
  void shed() {
    shed.increment();
  }

  /** Bytes handed to a socket ({@code > 0}) or taken by it ({@code < 0}). */
  public void queued(long bytes) {
    queuedBytes.add(bytes);
  }

  /** A resume began. */
  public void replayRequested() {
    replays.increment();
  }

  /** A resume ended; {@code recovered} as answered to the client. */
  public void replayed(boolean recovered) {
    if (!recovered) {
      unrecovered.increment();
    }
  }

  /** Counts the gap fills of one gateway instance ({@code GapFiller::filled}). */
  void countGapFills(LongSupplier filled) {
    gapFills.add(filled);
  }

  /** The server closed a connection with {@code code}. */
  public void closedByServer(ErrorCode code) {
    closeCounter(code).increment();
  }

  private Counter closeCounter(ErrorCode code) {
    return Counter.builder("ushs.connections.closed")
        .description("Connections the server closed, by close code")
        .tag("code", Integer.toString(code.code))
        .tag("reason", code.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry);
  }

  private static double sum(List<LongSupplier> sources) {
    long total = 0;
    for (LongSupplier source : sources) {
      total += source.getAsLong();
    }
    return total;
  }
}
