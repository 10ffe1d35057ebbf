package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ushs.common.config.ConfigLoader;
import org.ushs.common.config.UshsConfig;

/** The dev-mode banner pastes into a shell as it is, and the secret file is owner-only. */
@Tag("unit")
class DevModeTest {

  private static final Vertx VERTX = Vertx.vertx();

  @TempDir Path dir;

  @AfterAll
  static void close() {
    TestNodes.await(VERTX.close());
  }

  private static UshsConfig devConfig(Map<String, String> env) {
    UshsConfig config = ConfigLoader.load(env);
    assertTrue(config.auth().devMode());
    return DevMode.withRandomSecret(config);
  }

  @Test
  void exportLinesPastedIntoBashSetTheTokens() throws Exception {
    String banner = DevMode.banner(VERTX, devConfig(Map.of()), 8080, 8081);
    List<String> exports = banner.lines().filter(l -> l.startsWith("export ")).toList();
    assertEquals(2, exports.size(), banner);

    String script = String.join("\n", exports) + "\necho \"$SUBSCRIBER_TOKEN $PUBLISHER_TOKEN\"";
    List<String> tokens = List.of(bash(script).trim().split(" ", -1));

    assertEquals(2, tokens.size());
    assertEquals(exported(banner, "SUBSCRIBER_TOKEN"), tokens.get(0));
    assertEquals("dev-subscriber", claims(tokens.get(0)).getString("sub"));
    assertFalse(claims(tokens.get(0)).getJsonObject("ushs").getBoolean("publish", false));
    assertEquals("dev-publisher", claims(tokens.get(1)).getString("sub"));
    assertTrue(claims(tokens.get(1)).getJsonObject("ushs").getBoolean("publish"));
  }

  @Test
  void liveViewUrlCarriesTheTokenInTheFragmentWhenTheUiIsOn() {
    String banner = DevMode.banner(VERTX, devConfig(Map.of("USHS_UI", "true")), 9090, 9091);
    String subscriber = exported(banner, "SUBSCRIBER_TOKEN");

    assertTrue(
        banner.contains("Live view: http://localhost:9090/ushs/ui#token=" + subscriber), banner);
  }

  @Test
  void liveViewLineSaysHowToTurnItOnWhenOff() {
    String banner = DevMode.banner(VERTX, devConfig(Map.of()), 8080, 8081);

    assertTrue(banner.contains("Live view: off; start with USHS_UI=true"), banner);
    assertTrue(banner.contains("http://localhost:8080/ushs/ui#token=$SUBSCRIBER_TOKEN"), banner);
  }

  @Test
  void secretFileHoldsTheSecretReadableByItsOwnerOnly() throws IOException {
    Path file = dir.resolve("dev-secret");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    UshsConfig config = devConfig(Map.of("USHS_DEV_SECRET_FILE", file.toString()));

    DevMode.writeSecretFile(config);

    assertEquals(config.auth().jwtSecret(), Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(DevMode.banner(VERTX, config, 8080, 8081).contains("--secret-file " + file));
  }

  @Test
  void noSecretFileUnlessAsked() throws IOException {
    DevMode.writeSecretFile(devConfig(Map.of()));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  private static String exported(String banner, String name) {
    return banner
        .lines()
        .filter(l -> l.startsWith("export " + name + "="))
        .findFirst()
        .orElseThrow()
        .substring(("export " + name + "=").length());
  }

  private static JsonObject claims(String jwt) {
    String payload = jwt.substring(jwt.indexOf('.') + 1, jwt.lastIndexOf('.'));
    return new JsonObject(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private static String bash(String script) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), out);
    return out;
  }
}
