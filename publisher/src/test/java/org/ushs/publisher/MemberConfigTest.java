package org.ushs.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hazelcast binds interfaces by address: a host name is resolved before it gets there. */
class MemberConfigTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "localhost, 127.0.0.1",
    "10.1.2.3, 10.1.2.3",
    "::1, 0:0:0:0:0:0:0:1",
  })
  void aHostBecomesAnAddress(String host, String address) {
    assertEquals(address, MemberConfig.resolve(host));
  }

  @ParameterizedTest(name = "members [{0}] -> join [{1}]")
  @CsvSource({
    "'', 10.1.2.3:5701",
    "'ushs-1:5701,ushs-2:5701', 'ushs-1:5701,ushs-2:5701'",
  })
  void bindsToTheAddressAndJoinsTheListedMembersOnly(String members, String joined) {
    Config config = MemberConfig.base("c", "10.1.2.3", 5701, list(members));

    NetworkConfig network = config.getNetworkConfig();
    assertEquals("c", config.getClusterName());
    assertEquals(List.of("10.1.2.3"), List.copyOf(network.getInterfaces().getInterfaces()));
    assertEquals("10.1.2.3:5701", network.getPublicAddress());
    assertFalse(network.isPortAutoIncrement());
    assertFalse(network.getJoin().getMulticastConfig().isEnabled());
    assertEquals(list(joined), network.getJoin().getTcpIpConfig().getMembers());
    assertEquals("false", config.getProperty("hazelcast.socket.bind.any"));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({"ushs, ", "ushs, secret-one-0123456789", "ushs, secret-two-0123456789"})
  void theClusterNameCarriesAHashOfTheSecretNeverTheSecret(String name, String secret) {
    String derived = MemberConfig.clusterName(name, secret);
    if (secret == null) {
      assertEquals(name, derived);
    } else {
      assertTrue(derived.matches("ushs-[0-9a-f]{16}"), derived);
      assertFalse(derived.contains(secret));
      assertEquals(derived, MemberConfig.clusterName(name, secret), "the same on every member");
    }
  }

  @Test
  void anotherSecretOrNameMakesAnotherCluster() {
    String base = MemberConfig.clusterName("ushs", "secret-one-0123456789");
    assertNotEquals(base, MemberConfig.clusterName("ushs", "secret-two-0123456789"));
    assertNotEquals(base, MemberConfig.clusterName("other", "secret-one-0123456789"));
  }

  @Test
  void failureDetectionAndMergeTimingsAreSet() {
    Config config = MemberConfig.base("c", "10.1.2.3", 5701, List.of());
    assertEquals("1", config.getProperty("hazelcast.heartbeat.interval.seconds"));
    assertEquals("15", config.getProperty("hazelcast.max.no.heartbeat.seconds"));
    assertEquals("5", config.getProperty("hazelcast.merge.first.run.delay.seconds"));
    assertEquals("5", config.getProperty("hazelcast.merge.next.run.delay.seconds"));
  }

  @Test
  void hazelcastsOwnMetricsAreOff() {
    Config config = MemberConfig.base("c", "10.1.2.3", 5701, List.of());
    assertFalse(config.getMetricsConfig().isEnabled());
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",", -1)).filter(s -> !s.isEmpty()).toList();
  }
}
