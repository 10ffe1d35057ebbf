package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.common.testing.FreePorts;
import org.ushs.publisher.MemberConfig;

/**
 * Hazelcast's multi-partition calls complete on a bounded pool, on any number of cores: on 2 or
 * fewer, Hazelcast's own fallback started a thread for every completion. A real member on loopback.
 */
@Tag("unit")
class HazelcastAsyncTest {

  private static final int CALLS = 300;

  private HazelcastInstance hazelcast;

  @AfterEach
  void close() {
    if (hazelcast != null) {
      hazelcast.shutdown();
    }
  }

  @Test
  void multiPartitionCallsDoNotStartAThreadEach() throws Exception {
    HazelcastAsync.bound();
    hazelcast = Hazelcast.newHazelcastInstance(config());
    IMap<String, String> map = hazelcast.getMap("hazelcast-async-test");
    putAll(map, 0, 20);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getTotalStartedThreadCount();
    putAll(map, 20, CALLS);
    long started = threads.getTotalStartedThreadCount() - before;
    assertTrue(started < CALLS / 10, started + " threads started for " + CALLS + " putAll calls");
  }

  private static void putAll(IMap<String, String> map, int from, int to) throws Exception {
    for (int call = from; call < to; call++) {
      Map<String, String> entries = new HashMap<>();
      for (int i = 0; i < 20; i++) {
        entries.put(call + "-" + i, "v");
      }
      map.putAllAsync(entries).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static Config config() throws IOException {
    return MemberConfig.base(
        "hazelcast-async-" + UUID.randomUUID(), "127.0.0.1", FreePorts.next(), List.of());
  }
}
