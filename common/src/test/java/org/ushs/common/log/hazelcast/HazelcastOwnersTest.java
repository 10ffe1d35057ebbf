package org.ushs.common.log.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.common.log.LoopbackHazelcast;
import org.ushs.common.log.PartitionId;

/** Two Hazelcast members on loopback: owners named by node id, kept, and told when they change. */
@Tag("integration")
class HazelcastOwnersTest {

  private final String cluster = "owners-" + UUID.randomUUID();
  private HazelcastInstance a;
  private HazelcastInstance b;

  @AfterEach
  void stop() {
    for (HazelcastInstance member : new HazelcastInstance[] {a, b}) {
      if (member != null && member.getLifecycleService().isRunning()) {
        member.getLifecycleService().terminate();
      }
    }
  }

  @Test
  void membersAreNamedByTheirVertxNodeIdNotTheirUuid() {
    start();
    HazelcastOwners owners = new HazelcastOwners(a);

    assertEquals("node-a", owners.localMember());
    assertTrue(Set.of("node-a", "node-b").contains(owners.ownerOf(PartitionId.ZERO)));
    assertEquals(
        owners.localMember().equals(owners.ownerOf(PartitionId.ZERO)),
        owners.ownsLocally(PartitionId.ZERO));
  }

  @Test
  void whenTheOwnerIsLostTheSurvivorIsToldAndNamedAtOnce() throws Exception {
    start();
    HazelcastOwners onA = new HazelcastOwners(a);
    HazelcastOwners onB = new HazelcastOwners(b);
    boolean aOwns = onA.ownsLocally(PartitionId.ZERO);
    HazelcastOwners survivor = aOwns ? onB : onA;
    HazelcastInstance owner = aOwns ? a : b;
    String before = survivor.ownerOf(PartitionId.ZERO); // now kept
    CountDownLatch told = new CountDownLatch(1);
    survivor.onChange(told::countDown);

    owner.getLifecycleService().terminate();

    assertTrue(told.await(30, TimeUnit.SECONDS), "no change reported");
    assertEquals(aOwns ? "node-a" : "node-b", before);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!survivor.ownsLocally(PartitionId.ZERO) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(survivor.localMember(), survivor.ownerOf(PartitionId.ZERO));
  }

  private void start() {
    Config first = config("node-a");
    Config second = config("node-b");
    List<String> members = List.of(address(first), address(second));
    first.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);
    second.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);
    a = Hazelcast.newHazelcastInstance(first);
    b = Hazelcast.newHazelcastInstance(second);
  }

  private Config config(String nodeId) {
    Config config = LoopbackHazelcast.config("owners");
    config.setClusterName(cluster);
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.getMemberAttributeConfig().setAttribute(HazelcastOwners.NODE_ID, nodeId);
    return config;
  }

  private static String address(Config config) {
    return "127.0.0.1:" + config.getNetworkConfig().getPort();
  }
}
