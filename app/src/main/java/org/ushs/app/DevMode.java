package org.ushs.app;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.Base64;
import org.ushs.common.auth.JwtAuthenticator;
import org.ushs.common.auth.Permissions;
import org.ushs.common.config.UshsConfig;

/**
 * With no auth configured the node does not run open: it makes a random secret for this run and
 * prints tokens for a subscriber and a publisher, marked as dev mode.
 */
final class DevMode {

  private static final int TOKEN_MINUTES = 24 * 60;

  private DevMode() {}

  static UshsConfig withRandomSecret(UshsConfig config) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return config.withAuth(config.auth().withJwtSecret(encoded));
  }

  static String banner(Vertx vertx, UshsConfig config, int gatewayPort, int ingestPort) {
    JwtAuthenticator jwt =
        new JwtAuthenticator(
            vertx, config.auth().jwtSecret(), java.util.List.of(), config.auth().jwtPolicy());
    String subscriber =
        jwt.mint("dev-subscriber", new Permissions(null, null, false), TOKEN_MINUTES);
    String publisher = jwt.mint("dev-publisher", new Permissions(null, null, true), TOKEN_MINUTES);
    return String.join(
        "\n",
        "",
        "=== DEV MODE: no credentials configured; a random secret was made for this run only ===",
        "Subscriber token (24h): " + subscriber,
        "Publisher token (24h):  " + publisher,
        "",
        "Subscribe (any WebSocket client, e.g. websocat):",
        "  websocat -H 'Authorization: Bearer " + subscriber + "' \\",
        "    'ws://localhost:" + gatewayPort + "/ushs/v1/ws?subscribe=error'",
        "Publish:",
        "  curl -i -X POST http://localhost:" + ingestPort + "/ushs/v1/events \\",
        "    -H 'Authorization: Bearer " + publisher + "' \\",
        "    -H 'Content-Type: application/cloudevents+json' \\",
        "    -d '{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/healing/detector\","
            + "\"type\":\"org.ushs.error.detected\",\"data\":{\"errorId\":\"err-1\","
            + "\"severity\":\"high\",\"service\":\"api-gateway\",\"summary\":\"5xx spike\"}}'",
        "==================================================================================",
        "");
  }
}
