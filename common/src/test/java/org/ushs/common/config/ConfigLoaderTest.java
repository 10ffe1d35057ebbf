package org.ushs.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ConfigLoader} from the environment: CONTRACT.md defaults, value forms, refusals. */
class ConfigLoaderTest {

  @Test
  void defaultsAreThoseOfTheContract() {
    UshsConfig config = ConfigLoader.load(Map.of("PATH", "/bin", "HOME", "/root"));

    assertEquals(EnumSet.allOf(Role.class), config.roles());
    assertTrue(config.runs(Role.GATEWAY) && config.runs(Role.INGEST) && config.runs(Role.REPLAY));
    assertEquals(new ClusterSettings("127.0.0.1", 5701, List.of(), "ushs"), config.cluster());
    GatewaySettings gateway = config.gateway();
    assertEquals("0.0.0.0", gateway.bindHost());
    assertEquals(8080, gateway.port());
    assertEquals(Runtime.getRuntime().availableProcessors(), gateway.instances());
    assertEquals(Duration.ofSeconds(30), gateway.pingInterval());
    assertEquals(64 * 1024, gateway.maxFrame());
    assertEquals(4 * 1024 * 1024, gateway.maxPending());
    assertEquals(100, gateway.rateLimit());
    assertEquals(1000, gateway.rateBurst());
    assertEquals(100_000, gateway.maxConnections());
    assertEquals(Duration.ofMillis(100), gateway.gapWait());
    assertEquals(Duration.ofSeconds(10), gateway.handshakeTimeout());
    assertEquals(1000, gateway.maxConnectionsPerIdentity());
    assertFalse(gateway.compression());
    assertEquals(Duration.ofSeconds(1), gateway.shutdownSpread());
    assertEquals(Duration.ZERO, gateway.writeDelay());
    assertEquals(new IngestSettings("0.0.0.0", 8081, 1024 * 1024), config.ingest());
    assertEquals(100, gateway.maxConnectionsPerIp());
    assertEquals(Duration.ofSeconds(60), config.ingest().idleTimeout());
    assertEquals(Duration.ofSeconds(10), config.ingest().headerTimeout());
    assertEquals(Duration.ofSeconds(30), config.ingest().bodyTimeout());
    assertEquals(8192, config.ingest().maxHeaderSize());
    assertEquals(100, config.ingest().maxConnectionsPerIp());
    assertEquals(FileDescriptors.publishPortShare(), config.ingest().maxConnections());
    assertFalse(config.ingest().busRequiresCredentials());
    assertFalse(config.ingest().tls().enabled());
    assertEquals(new ReplaySettings(100_000, Duration.ofHours(1)), config.replay());
    assertNull(config.auth().jwtSecret());
    assertTrue(config.auth().devMode());
    assertEquals(LogFormat.TEXT, config.logFormat());
    assertFalse(gateway.ui());
  }

  @ParameterizedTest(name = "USHS_UI={0}")
  @CsvSource({"true, true", "TRUE, true", "' true ', true", "false, false", "False, false"})
  void uiIsAFlag(String value, boolean expected) {
    assertEquals(expected, ConfigLoader.load(Map.of("USHS_UI", value)).gateway().ui());
  }

  @ParameterizedTest(name = "USHS_LOG_FORMAT={0}")
  @CsvSource({"text, TEXT", "json, JSON", "JSON, JSON", "' json ', JSON"})
  void logFormatIsTextOrJson(String value, LogFormat expected) {
    assertEquals(expected, ConfigLoader.load(Map.of("USHS_LOG_FORMAT", value)).logFormat());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "USHS_PING_INTERVAL, 500ms, PT0.5S",
    "USHS_PING_INTERVAL, 30s, PT30S",
    "USHS_PING_INTERVAL, 5m, PT5M",
    "USHS_PING_INTERVAL, 1h, PT1H",
    "USHS_PING_INTERVAL, 2d, PT48H",
    "USHS_PING_INTERVAL, ' 45s ', PT45S",
    "USHS_PING_INTERVAL, '', PT30S",
    "USHS_GAP_WAIT, 1ms, PT0.001S",
    "USHS_REPLAY_TTL, 90m, PT1H30M",
    "USHS_HANDSHAKE_TIMEOUT, 500ms, PT0.5S",
    "USHS_SHUTDOWN_SPREAD, 10s, PT10S",
    "USHS_SHUTDOWN_SPREAD, 250ms, PT0.25S",
    "USHS_WRITE_DELAY, 0, PT0S",
    "USHS_WRITE_DELAY, 0ms, PT0S",
    "USHS_WRITE_DELAY, 10ms, PT0.01S",
    "USHS_WRITE_DELAY, 1s, PT1S",
    "USHS_WRITE_DELAY, '', PT0S",
  })
  void durations(String name, String value, String expected) {
    UshsConfig config = ConfigLoader.load(Map.of(name, value));
    Duration actual =
        switch (name) {
          case "USHS_PING_INTERVAL" -> config.gateway().pingInterval();
          case "USHS_GAP_WAIT" -> config.gateway().gapWait();
          case "USHS_HANDSHAKE_TIMEOUT" -> config.gateway().handshakeTimeout();
          case "USHS_SHUTDOWN_SPREAD" -> config.gateway().shutdownSpread();
          case "USHS_WRITE_DELAY" -> config.gateway().writeDelay();
          default -> config.replay().ttl();
        };
    assertEquals(Duration.parse(expected), actual);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "USHS_MAX_FRAME, 65536, 65536",
    "USHS_MAX_FRAME, 64KiB, 65536",
    "USHS_MAX_FRAME, 1024B, 1024",
    "USHS_MAX_FRAME, 4MiB, 4194304",
    "USHS_MAX_PENDING, 4MiB, 4194304",
    "USHS_MAX_PENDING, 1GiB, 1073741824",
    "USHS_MAX_BODY, 2048, 2048",
  })
  void sizes(String name, String value, int expected) {
    UshsConfig config = ConfigLoader.load(Map.of(name, value));
    Function<UshsConfig, Integer> read =
        switch (name) {
          case "USHS_MAX_FRAME" -> c -> c.gateway().maxFrame();
          case "USHS_MAX_PENDING" -> c -> c.gateway().maxPending();
          default -> c -> c.ingest().maxBody();
        };
    assertEquals(expected, read.apply(config));
  }

  @ParameterizedTest(name = "USHS_COMPRESSION={0}")
  @CsvSource({"true, true", "TRUE, true", "' false ', false", "'', false"})
  void compressionIsAFlag(String value, boolean expected) {
    assertEquals(
        expected, ConfigLoader.load(Map.of("USHS_COMPRESSION", value)).gateway().compression());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "gateway, GATEWAY",
    "'Ingest, replay', INGEST REPLAY",
    "' gateway ,,REPLAY ', GATEWAY REPLAY",
    "'gateway,gateway', GATEWAY",
    "'', GATEWAY INGEST REPLAY",
  })
  void roles(String value, String expected) {
    Set<Role> roles = ConfigLoader.load(Map.of("USHS_ROLES", value)).roles();
    assertEquals(
        Arrays.stream(expected.split(" ")).map(Role::valueOf).collect(Collectors.toSet()), roles);
  }

  @Test
  void thePublishApiTakesEveryCoreOnlyWhereNoGatewayFansOut() {
    assertEquals(1, ConfigLoader.load(Map.of()).ingest().instances());
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        ConfigLoader.load(Map.of("USHS_ROLES", "ingest,replay")).ingest().instances());
  }

  @Test
  void clusterAndPortsAreRead() {
    UshsConfig config =
        ConfigLoader.load(
            Map.of(
                "USHS_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5702",
                "USHS_CLUSTER_PORT", "5801",
                "USHS_GATEWAY_PORT", "0",
                "USHS_INGEST_PORT", "65535",
                "USHS_INGEST_INSTANCES", "3",
                "USHS_RATE_LIMIT", "5",
                "USHS_RATE_BURST", "9",
                "USHS_MAX_CONNECTIONS_PER_IDENTITY", "3"));
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5702"), config.cluster().members());
    assertEquals(5801, config.cluster().port());
    assertEquals(0, config.gateway().port());
    assertEquals(65535, config.ingest().port());
    assertEquals(3, config.ingest().instances());
    assertEquals(5, config.gateway().rateLimit());
    assertEquals(9, config.gateway().rateBurst());
    assertEquals(3, config.gateway().maxConnectionsPerIdentity());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "USHS_GATEWAY_PORT, http",
    "USHS_UI, yes",
    "USHS_UI, 1",
    "USHS_GATEWAY_PORT, 65536",
    "USHS_INGEST_PORT, -1",
    "USHS_CLUSTER_PORT, 5701.5",
    "USHS_GATEWAY_INSTANCES, 0",
    "USHS_INGEST_INSTANCES, 0",
    "USHS_RATE_LIMIT, 0",
    "USHS_RATE_BURST, 99999999999",
    "USHS_REPLAY_CAPACITY, 0",
    "USHS_PING_INTERVAL, 30",
    "USHS_PING_INTERVAL, 0s",
    "USHS_PING_INTERVAL, 1.5s",
    "USHS_PING_INTERVAL, 30 s",
    "USHS_PING_INTERVAL, 30S",
    "USHS_PING_INTERVAL, -5s",
    "USHS_PING_INTERVAL, 1y",
    "USHS_REPLAY_TTL, 99999999999999999999s",
    "USHS_REPLAY_TTL, 9223372036854775807h",
    "USHS_GAP_WAIT, PT1S",
    "USHS_MAX_FRAME, 64kb",
    "USHS_MAX_FRAME, 64 KiB",
    "USHS_MAX_FRAME, 1023",
    "USHS_MAX_FRAME, 2GiB",
    "USHS_MAX_FRAME, 17179869185GiB",
    "USHS_MAX_FRAME, 99999999999999999999",
    "USHS_MAX_PENDING, 63KiB",
    "USHS_MAX_BODY, -1",
    "USHS_SHUTDOWN_SPREAD, 11s",
    "USHS_SHUTDOWN_SPREAD, 0ms",
    "USHS_WRITE_DELAY, 2s",
    "USHS_WRITE_DELAY, -5ms",
    "USHS_HANDSHAKE_TIMEOUT, 0s",
    "USHS_COMPRESSION, yes",
    "USHS_MAX_CONNECTIONS_PER_IDENTITY, 0",
    "USHS_ROLES, 'gateway,router'",
    "USHS_JWT_SECRET, too-short",
    "USHS_JWT_SECRET, 0123456789abcdef0123456789abcde",
    "USHS_LOG_FORMAT, xml",
  })
  void invalidValueIsRefusedNamingTheSetting(String name, String value) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(name, value)));
    assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
    assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
  }

  @ParameterizedTest(name = "{0} names {1}")
  @CsvSource({
    "USHS_GATEWAY_PROT, USHS_GATEWAY_PORT",
    "USHS_PING_INTERVALL, USHS_PING_INTERVAL",
    "USHS_JWT_SECRETS, USHS_JWT_SECRET",
    "USHS_MAXFRAME, USHS_MAX_FRAME",
    "USHS_LOG_FROMAT, USHS_LOG_FORMAT",
  })
  void unknownNameWarnsNamingTheClosestSettingAndTheNodeStarts(String name, String closest) {
    List<String> warnings = new ArrayList<>();

    UshsConfig config =
        ConfigLoader.load(Map.of(name, "8080", "USHS_GATEWAY_PORT", "9000"), warnings::add);

    assertEquals(9000, config.gateway().port());
    assertEquals(
        List.of("ignoring unknown settings: " + name + " (closest known: " + closest + ")"),
        warnings);
  }

  @Test
  void severalUnknownNamesWarnInOneLine() {
    List<String> warnings = new ArrayList<>();

    ConfigLoader.load(
        Map.of("USHS_RATE_LIMT", "5", "USHS_", "x", "USHS_GATEWAY_PORT", "9000", "PATH", "/bin"),
        warnings::add);

    assertEquals(
        List.of(
            "ignoring unknown settings: USHS_ (closest known: USHS_UI),"
                + " USHS_RATE_LIMT (closest known: USHS_RATE_LIMIT)"),
        warnings);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "USHS_SERVICE_HOST, 10.96.0.12",
    "USHS_SERVICE_PORT, 8080",
    "USHS_SERVICE_PORT_WS, 8080",
    "USHS_SERVICE_PORT_PUBLISH_API, 8081",
    "USHS_PORT, tcp://10.96.0.12:8080",
    "USHS_PORT_8080_TCP, tcp://10.96.0.12:8080",
    "USHS_PORT_8080_TCP_PROTO, tcp",
    "USHS_PORT_8080_TCP_PORT, 8080",
    "USHS_PORT_8080_TCP_ADDR, 10.96.0.12",
    "USHS_PORT_5701_UDP, udp://10.96.0.12:5701",
  })
  void kubernetesServiceLinkVariablesAreIgnoredSilently(String name, String value) {
    List<String> warnings = new ArrayList<>();

    UshsConfig config = ConfigLoader.load(Map.of(name, value), warnings::add);

    assertEquals(List.of(), warnings);
    assertEquals(8080, config.gateway().port());
  }

  @Test
  void aBadValueStillStopsStartUpBesideUnknownNames() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    Map.of("USHS_GATEWAY_PORT", "http", "USHS_PORT", "tcp://x:1"), w -> {}));
    assertTrue(e.getMessage().startsWith("USHS_GATEWAY_PORT: "), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0123456789abcdef0123456789abcdef",
    "ééééééééééééééé00",
    "'  0123456789abcdef0123456789abcdef  '",
  })
  void secretOfAtLeast32BytesIsTaken(String secret) {
    AuthSettings auth = ConfigLoader.load(Map.of("USHS_JWT_SECRET", secret)).auth();
    assertEquals(secret.trim(), auth.jwtSecret());
    assertFalse(auth.devMode());
  }
}
