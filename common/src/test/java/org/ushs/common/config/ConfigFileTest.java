package org.ushs.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ConfigLoader} with a {@code USHS_CONFIG} file (JSON or YAML); the environment wins. */
class ConfigFileTest {

  private static final String JSON =
      """
      {"USHS_GATEWAY_PORT": 9090, "USHS_PING_INTERVAL": "5s", "USHS_MAX_FRAME": "128KiB",
       "USHS_ROLES": "gateway", "USHS_CLUSTER_MEMBERS": "a:1,b:2"}
      """;

  private static final String YAML =
      """
      # node settings
      USHS_GATEWAY_PORT: 9090
      USHS_PING_INTERVAL: 5s
      USHS_MAX_FRAME: 128KiB
      USHS_ROLES: gateway
      USHS_CLUSTER_MEMBERS: "a:1,b:2"
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ushs.json", "ushs.yaml", "ushs.yml", "settings.conf"})
  void fileIsRead(String name) throws IOException {
    Path file = write(name, name.contains(".y") ? YAML : JSON);

    UshsConfig config = ConfigLoader.load(Map.of("USHS_CONFIG", file.toString()));

    assertEquals(9090, config.gateway().port());
    assertEquals(Duration.ofSeconds(5), config.gateway().pingInterval());
    assertEquals(128 * 1024, config.gateway().maxFrame());
    assertEquals(Set.of(Role.GATEWAY), config.roles());
    assertEquals(List.of("a:1", "b:2"), config.cluster().members());
    assertEquals(8081, config.ingest().port(), "settings not in the file keep their default");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ushs.json", "ushs.yaml"})
  void environmentWinsOverTheFile(String name) throws IOException {
    Path file = write(name, name.endsWith(".json") ? JSON : YAML);

    UshsConfig config =
        ConfigLoader.load(
            Map.of(
                "USHS_CONFIG", " " + file + " ",
                "USHS_GATEWAY_PORT", "9191",
                "USHS_ROLES", "ingest,replay"));

    assertEquals(9191, config.gateway().port());
    assertEquals(Set.of(Role.INGEST, Role.REPLAY), config.roles());
    assertEquals(Duration.ofSeconds(5), config.gateway().pingInterval(), "from the file");
  }

  /** Columns: file name, its content, the setting the one-line message starts with. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad.json  | {"USHS_GATEWAY_PORT": "http"}            | USHS_GATEWAY_PORT
          bad.json  | {"USHS_GATEWAY_PORT": null}              | USHS_GATEWAY_PORT
          bad.json  | {"USHS_PING_INTERVAL": 30}               | USHS_PING_INTERVAL
          bad.json  | {"USHS_PORT": 1}                         | USHS_PORT
          bad.json  | {"gateway_port": 1}                      | gateway_port
          bad.json  | {"USHS_ROLES": ["gateway", "ingest"]}    | USHS_ROLES
          bad.json  | {"USHS_CLUSTER_HOST": {"name": "x"}}     | USHS_CLUSTER_HOST
          bad.json  | ["USHS_GATEWAY_PORT"]                    | USHS_CONFIG
          bad.json  | {"USHS_GATEWAY_PORT": 1                  | USHS_CONFIG
          bad.json  | ''                                       | USHS_CONFIG
          bad.yaml  | USHS_ROLES: [gateway, ingest]            | USHS_ROLES
          bad.yaml  | 'USHS_MAX_FRAME: 1.5MiB'                 | USHS_MAX_FRAME
          bad.yaml  | '- USHS_GATEWAY_PORT'                    | USHS_CONFIG
          bad.yaml  | 'USHS_X: [unclosed'                      | USHS_CONFIG
          """)
  void badFileIsRefusedNamingTheSetting(String name, String content, String setting)
      throws IOException {
    Path file = write(name, content);
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(Map.of("USHS_CONFIG", file.toString())));
    assertTrue(e.getMessage().startsWith(setting + ": "), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"missing.json", "missing.yaml"})
  void missingFileIsRefused(String name) {
    String path = dir.resolve(name).toString();
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("USHS_CONFIG", path)));
    assertTrue(e.getMessage().startsWith("USHS_CONFIG: cannot read " + path), e.getMessage());
  }
}
