package org.ushs.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Builds the {@link UshsConfig} from {@code USHS_*} environment variables over an optional file
 * named by {@code USHS_CONFIG} (a flat JSON or YAML object of the same names). Environment wins.
 * Unknown names in the environment do not stop the node (a Kubernetes Service named {@code ushs}
 * injects {@code USHS_SERVICE_HOST}, {@code USHS_PORT_8080_TCP}... into every pod of its
 * namespace): they are reported in one warning naming the closest known setting, so a misspelt
 * setting does not pass unseen; service-link variables are ignored silently. A known setting with a
 * bad value, or an unknown name in the file, is refused.
 */
public final class ConfigLoader {

  static final Set<String> KNOWN =
      Set.of(
          "USHS_CONFIG",
          "USHS_ROLES",
          "USHS_CLUSTER_HOST",
          "USHS_CLUSTER_PORT",
          "USHS_CLUSTER_MEMBERS",
          "USHS_CLUSTER_NAME",
          "USHS_CLUSTER_SECRET",
          "USHS_CLUSTER_TLS_CERT",
          "USHS_CLUSTER_TLS_KEY",
          "USHS_CLUSTER_TLS_CA",
          "USHS_HTTP_HOST",
          "USHS_GATEWAY_PORT",
          "USHS_GATEWAY_INSTANCES",
          "USHS_PING_INTERVAL",
          "USHS_MAX_FRAME",
          "USHS_MAX_PENDING",
          "USHS_RATE_LIMIT",
          "USHS_RATE_BURST",
          "USHS_MAX_CONNECTIONS",
          "USHS_GAP_WAIT",
          "USHS_MAX_REPLAYS",
          "USHS_HANDSHAKE_TIMEOUT",
          "USHS_MAX_CONNECTIONS_PER_IDENTITY",
          "USHS_COMPRESSION",
          "USHS_SHUTDOWN_SPREAD",
          "USHS_WRITE_DELAY",
          "USHS_INGEST_PORT",
          "USHS_INGEST_INSTANCES",
          "USHS_MAX_BODY",
          "USHS_INGEST_IDLE_TIMEOUT",
          "USHS_INGEST_HEADER_TIMEOUT",
          "USHS_INGEST_BODY_TIMEOUT",
          "USHS_INGEST_MAX_HEADER_SIZE",
          "USHS_INGEST_MAX_CONNECTIONS",
          "USHS_MAX_CONNECTIONS_PER_IP",
          "USHS_BUS_REQUIRE_CREDENTIALS",
          "USHS_INGEST_TLS_CERT",
          "USHS_INGEST_TLS_KEY",
          "USHS_REPLAY_CAPACITY",
          "USHS_REPLAY_TTL",
          "USHS_REPLAY_MAX_BYTES",
          "USHS_JWT_SECRET",
          "USHS_JWT_PUBLIC_KEYS",
          "USHS_JWT_ISSUER",
          "USHS_JWT_AUDIENCE",
          "USHS_JWT_REQUIRE_SUB",
          "USHS_API_KEYS_FILE",
          "USHS_TLS_CERT",
          "USHS_TLS_KEY",
          "USHS_TLS_CLIENT_CA",
          "USHS_TLS_CLIENT_MAP",
          "USHS_ALLOWED_ORIGINS",
          "USHS_LOG_FORMAT",
          "USHS_UI",
          "USHS_DEV_SECRET_FILE",
          "USHS_MAX_SUBSCRIPTIONS",
          "USHS_MAX_SELECTORS",
          "USHS_RESUME_WAIT");

  /** Bounds the go-away window so that a node's shutdown stays within the stop grace period. */
  private static final Duration MAX_SHUTDOWN_SPREAD = Duration.ofSeconds(10);

  /** A write delay beyond this would hold events longer than any client waits for them. */
  private static final Duration MAX_WRITE_DELAY = Duration.ofSeconds(1);

  /** Bounds the publish port's timeouts (Vert.x takes them as int milliseconds). */
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private static final Logger LOG = Logger.getLogger(ConfigLoader.class.getName());

  private ConfigLoader() {}

  /**
   * Reads and validates; throws {@link ConfigException} on the first bad setting. Unknown names are
   * logged as one warning on this class's logger.
   */
  public static UshsConfig load(Map<String, String> env) {
    return load(env, warning -> LOG.warning(warning));
  }

  /**
   * As {@link #load(Map)}, handing the one-line warning about unknown names (if any) to {@code
   * warnings} instead of the logger, for a caller that sets logging up from the result.
   */
  public static UshsConfig load(Map<String, String> env, Consumer<String> warnings) {
    Map<String, String> values = new HashMap<>();
    String file = env.get("USHS_CONFIG");
    if (file != null && !file.isBlank()) {
      values.putAll(readFile(Path.of(file.trim())));
      refuseUnknown(values.keySet());
    }
    env.forEach(
        (name, value) -> {
          if (name.startsWith("USHS_")) {
            values.put(name, value);
          }
        });
    new SettingNames(KNOWN).unknownWarning(values.keySet()).ifPresent(warnings);
    return build(new Settings(values));
  }

  // a file is written as settings, with no variables of other programs in it: a wrong name there
  // is a mistake to fix, not a Kubernetes service link to tolerate
  private static void refuseUnknown(Set<String> names) {
    SettingNames settings = new SettingNames(KNOWN);
    for (String name : names) {
      if (!KNOWN.contains(name)) {
        throw new ConfigException(
            name, "unknown setting in USHS_CONFIG (closest known: " + settings.closest(name) + ")");
      }
    }
  }

  private static UshsConfig build(Settings s) {
    String httpHost = s.string("USHS_HTTP_HOST", "0.0.0.0");
    int cores = Runtime.getRuntime().availableProcessors();
    TlsSettings tls = SecurityReader.tls(s);
    Set<Role> roles = roles(s);
    return new UshsConfig(
        roles,
        ClusterReader.cluster(s),
        new GatewaySettings(
            httpHost,
            s.port("USHS_GATEWAY_PORT", 8080),
            s.integer("USHS_GATEWAY_INSTANCES", cores, 1, 256),
            s.duration("USHS_PING_INTERVAL", Duration.ofSeconds(30)),
            s.bytes("USHS_MAX_FRAME", 64 * 1024, 1024),
            s.bytes("USHS_MAX_PENDING", 4 * 1024 * 1024, 64 * 1024),
            s.integer("USHS_RATE_LIMIT", 100, 1, 1_000_000),
            s.integer("USHS_RATE_BURST", 1000, 1, 1_000_000),
            s.integer("USHS_MAX_CONNECTIONS", 100_000, 1, 10_000_000),
            s.duration("USHS_GAP_WAIT", Duration.ofMillis(100)),
            s.integer("USHS_MAX_REPLAYS", 8, 1, 10_000),
            s.duration("USHS_HANDSHAKE_TIMEOUT", Duration.ofSeconds(10)),
            s.integer("USHS_MAX_CONNECTIONS_PER_IDENTITY", 1000, 1, 10_000_000),
            s.bool("USHS_COMPRESSION", false),
            s.duration("USHS_SHUTDOWN_SPREAD", Duration.ofSeconds(1), MAX_SHUTDOWN_SPREAD),
            s.bool("USHS_UI", false),
            s.integer("USHS_MAX_SUBSCRIPTIONS", 100, 1, 100_000),
            s.integer("USHS_MAX_SELECTORS", 1000, 1, 1_000_000),
            s.duration("USHS_RESUME_WAIT", Duration.ofSeconds(10)),
            s.delay("USHS_WRITE_DELAY", MAX_WRITE_DELAY),
            perIp(s)),
        ingest(s, httpHost, tls, roles.contains(Role.GATEWAY) ? 1 : cores),
        new ReplaySettings(
            s.integer("USHS_REPLAY_CAPACITY", 100_000, 1, 100_000_000),
            s.duration("USHS_REPLAY_TTL", Duration.ofHours(1)),
            s.size(
                "USHS_REPLAY_MAX_BYTES",
                ReplaySettings.defaultMaxBytes(),
                ReplaySettings.MIN_MAX_BYTES,
                Long.MAX_VALUE / 2,
                "4EiB")),
        SecurityReader.auth(s, tls),
        tls,
        LogFormat.parse(s.string("USHS_LOG_FORMAT", "text")));
  }

  private static int perIp(Settings s) {
    return s.integer(
        "USHS_MAX_CONNECTIONS_PER_IP",
        IngestSettings.DEFAULT_MAX_CONNECTIONS_PER_IP,
        1,
        10_000_000);
  }

  /**
   * {@code instances}: the default number of publish API instances. One per core where nothing else
   * runs on the event loops; one where the gateway fans out on them, because publishes taken on
   * every loop break up its coalesced writes (at 1k subscribers and 500 publishes/s, two instances
   * raised its CPU per delivery from 2.1 to 2.9-3.0 µs).
   */
  private static IngestSettings ingest(
      Settings s, String httpHost, TlsSettings gatewayTls, int instances) {
    return new IngestSettings(
        httpHost,
        s.port("USHS_INGEST_PORT", 8081),
        s.integer("USHS_INGEST_INSTANCES", instances, 1, 256),
        s.bytes("USHS_MAX_BODY", 1 << 20, 1024),
        s.duration("USHS_INGEST_IDLE_TIMEOUT", IngestSettings.DEFAULT_IDLE_TIMEOUT, MAX_TIMEOUT),
        s.duration(
            "USHS_INGEST_HEADER_TIMEOUT", IngestSettings.DEFAULT_HEADER_TIMEOUT, MAX_TIMEOUT),
        s.duration("USHS_INGEST_BODY_TIMEOUT", IngestSettings.DEFAULT_BODY_TIMEOUT, MAX_TIMEOUT),
        s.bytes("USHS_INGEST_MAX_HEADER_SIZE", IngestSettings.DEFAULT_MAX_HEADER_SIZE, 1024),
        perIp(s),
        s.integer("USHS_INGEST_MAX_CONNECTIONS", FileDescriptors.publishPortShare(), 1, 10_000_000),
        s.bool("USHS_BUS_REQUIRE_CREDENTIALS", false),
        SecurityReader.ingestTls(s, gatewayTls));
  }

  private static Set<Role> roles(Settings s) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : s.list("USHS_ROLES")) {
      roles.add(Role.parse(name));
    }
    return roles.isEmpty() ? EnumSet.allOf(Role.class) : roles;
  }

  private static Map<String, String> readFile(Path path) {
    String name = path.getFileName().toString();
    ObjectMapper mapper =
        name.endsWith(".yaml") || name.endsWith(".yml")
            ? new ObjectMapper(new YAMLFactory())
            : new ObjectMapper();
    try {
      JsonNode root = mapper.readTree(Files.readAllBytes(path));
      if (root == null || !root.isObject()) {
        throw new ConfigException("USHS_CONFIG", "must name a JSON or YAML object: " + path);
      }
      Map<String, String> values = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isContainerNode()) {
          throw new ConfigException(field.getKey(), "must be a single value, not a list or object");
        }
        values.put(field.getKey(), field.getValue().asText());
      }
      return values;
    } catch (IOException e) {
      throw new ConfigException("USHS_CONFIG", "cannot read " + path + ": " + e.getMessage());
    }
  }
}
