package org.ushs.app;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.ushs.common.auth.JwtAuthenticator;
import org.ushs.common.auth.Permissions;
import org.ushs.common.config.UshsConfig;
import org.ushs.gateway.ui.UiRoutes;

/**
 * With no auth configured the node does not run open: it makes a random secret for this run and
 * prints tokens for a subscriber and a publisher as {@code export} lines to paste into a shell,
 * marked as dev mode, with commands that use them and the live view's URL. When {@code
 * USHS_DEV_SECRET_FILE} is set, the secret is written there (owner-only) so that {@code ushs token
 * --secret-file} can mint other tokens for the node.
 */
final class DevMode {

  private static final int TOKEN_MINUTES = 24 * 60;
  private static final String CLI = "java -jar cli/target/ushs-cli.jar";

  private DevMode() {}

  static UshsConfig withRandomSecret(UshsConfig config) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return config.withAuth(config.auth().withJwtSecret(encoded));
  }

  /**
   * Writes the run's secret to {@code USHS_DEV_SECRET_FILE} when set, replacing the file, readable
   * and writable by its owner only (where the file system has POSIX permissions).
   */
  static void writeSecretFile(UshsConfig config) throws IOException {
    String file = config.auth().devSecretFile();
    if (file == null) {
      return;
    }
    Path path = Path.of(file);
    Files.deleteIfExists(path);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(path, config.auth().jwtSecret(), StandardCharsets.UTF_8);
  }

  static String banner(Vertx vertx, UshsConfig config, int gatewayPort, int ingestPort) {
    JwtAuthenticator jwt =
        new JwtAuthenticator(
            vertx, config.auth().jwtSecret(), List.of(), config.auth().jwtPolicy());
    String subscriber =
        jwt.mint("dev-subscriber", new Permissions(null, null, false), TOKEN_MINUTES);
    String publisher = jwt.mint("dev-publisher", new Permissions(null, null, true), TOKEN_MINUTES);
    return String.join(
        "\n",
        "",
        "=== DEV MODE: no credentials configured; a random secret was made for this run only ===",
        "Paste into a shell (tokens valid 24h):",
        "export SUBSCRIBER_TOKEN=" + subscriber,
        "export PUBLISHER_TOKEN=" + publisher,
        "",
        "Subscribe (from the repository, after mvn package):",
        "  " + CLI + " tail --url ws://localhost:" + gatewayPort + "/ushs/v1/ws \\",
        "    --token \"$SUBSCRIBER_TOKEN\" -t error",
        "Publish:",
        "  curl -i -X POST http://localhost:" + ingestPort + "/ushs/v1/events \\",
        "    -H \"Authorization: Bearer $PUBLISHER_TOKEN\" \\",
        "    -H 'Content-Type: application/cloudevents+json' \\",
        "    -d '{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/healing/detector\","
            + "\"type\":\"org.ushs.error.detected\",\"data\":{\"errorId\":\"err-1\","
            + "\"severity\":\"high\",\"service\":\"api-gateway\",\"summary\":\"5xx spike\"}}'",
        liveView(config, gatewayPort, subscriber),
        secretLine(config),
        "==================================================================================",
        "");
  }

  // the token goes in the fragment, which browsers never send to the server
  private static String liveView(UshsConfig config, int gatewayPort, String subscriber) {
    String page = "http://localhost:" + gatewayPort + UiRoutes.PATH;
    return config.gateway().ui()
        ? "Live view: " + page + "#token=" + subscriber
        : "Live view: off; start with USHS_UI=true and open " + page + "#token=$SUBSCRIBER_TOKEN";
  }

  private static String secretLine(UshsConfig config) {
    String file = config.auth().devSecretFile();
    return file == null
        ? "Other tokens: start with USHS_DEV_SECRET_FILE=<path> to keep the secret for"
            + " `ushs token --secret-file <path>`"
        : "Secret written to " + file + ": " + CLI + " token --secret-file " + file + " ...";
  }
}
