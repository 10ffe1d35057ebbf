package org.ushs.app;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.log.EventLog;
import org.ushs.common.log.PartitionId;
import org.ushs.common.log.hazelcast.HazelcastOwners;
import org.ushs.common.log.hazelcast.RingbufferEventLog;
import org.ushs.common.log.writer.AppendHealth;
import org.ushs.common.log.writer.PartitionOwners;
import org.ushs.common.log.writer.WriterClient;
import org.ushs.common.log.writer.WriterEndpoint;
import org.ushs.common.log.writer.WriterSettings;

/**
 * The log path of a node, over Hazelcast: the partition owners, the writer endpoint every member
 * runs (it may own a partition), the client ingest uses, and the health both report to.
 */
final class LogWiring {

  /**
   * Test hook, read once at start and never set in production: the writer waits this many
   * milliseconds between an append and its acknowledgement, so a test can kill the owner there.
   */
  static final String STALL_HOOK = "TEST_ONLY_USHS_WRITER_STALL_AFTER_APPEND_MS";

  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);
  private static final int WRITE_ATTEMPTS = 5;

  final PartitionOwners owners;
  final AppendHealth health = new AppendHealth();
  final EventLog log;
  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final ReplaySettings replay;

  LogWiring(Vertx vertx, HazelcastInstance hazelcast, ReplaySettings replay) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.replay = replay;
    this.owners = new HazelcastOwners(hazelcast);
    this.log = new RingbufferEventLog(vertx, hazelcast, PartitionId.ZERO, replay.capacity());
  }

  WriterEndpoint endpoint(MeterRegistry registry) {
    Counter ingested =
        Counter.builder("ushs.events.ingested")
            .description("Events newly appended to the replay log by this node's writer")
            .register(registry);
    WriterSettings settings =
        new WriterSettings(replay.capacity(), replay.ttl(), replay.maxBytes(), stallHook());
    return new WriterEndpoint(
        owners,
        partition -> new RingbufferEventLog(vertx, hazelcast, partition, replay.capacity()),
        settings,
        health,
        ingested::increment);
  }

  /** The client ingest writes through; {@code local} is this member's endpoint. */
  WriterClient client(WriterEndpoint local) {
    return new WriterClient(vertx, owners, local, health, WRITE_TIMEOUT, WRITE_ATTEMPTS);
  }

  private static Duration stallHook() {
    String value = System.getenv(STALL_HOOK);
    return value == null || value.isBlank()
        ? Duration.ZERO
        : Duration.ofMillis(Long.parseLong(value.trim()));
  }
}
