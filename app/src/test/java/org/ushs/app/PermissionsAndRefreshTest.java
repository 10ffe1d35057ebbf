package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.auth.Permissions;
import org.ushs.common.auth.TestPki;

/**
 * Permissions on a real node, whatever the credential: live delivery filtered, the publish API's
 * API keys, and the {@code refresh} command (new permissions and expiry without reconnecting).
 */
@Tag("integration")
class PermissionsAndRefreshTest {

  @TempDir static Path dir;
  private static SecureNode node;
  private static Publish publish;
  private static final Permissions ERRORS_OF_API =
      SecureNode.permissions("['error']", "['api']", false);

  @BeforeAll
  static void start() throws Exception {
    node = SecureNode.start(dir);
    publish =
        new Publish(
            node.vertx,
            node.ingestPort(),
            node.token("publisher", SecureNode.permissions(null, null, true)));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      publish.close();
      node.close();
    }
  }

  @AfterEach
  void nothingSecretWasLogged() {
    node.logs.assertNoneHolds(node.secrets);
  }

  private static WsClient connect(String query, String token) {
    return node.connect(
        node.tls(), node.at("/ushs/v1/ws" + query).addHeader("Authorization", "Bearer " + token));
  }

  /** Publishes an error event whose payload is remembered as never to be logged. */
  private static String publishError(String service) {
    JsonObject event = Publish.error(service, "high");
    event.getJsonObject("data").put("summary", node.secret("payload-" + UUID.randomUUID()));
    publish.ok(event);
    return event.getString("id");
  }

  private static String publishSession() {
    JsonObject event = Publish.session("s-" + UUID.randomUUID());
    publish.ok(event);
    return event.getString("id");
  }

  private static JsonObject subscribe(String type) {
    return new JsonObject().put("command", "subscribe").put("eventTypes", List.of(type));
  }

  /** Each client may see errors of service api only, whatever its credential. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"token", "api key", "client certificate"})
  void liveDeliveryOnlyCarriesPermittedEvents(String credential) {
    WsClient client =
        switch (credential) {
          case "token" -> connect("?subscribe=*", node.token("viewer", ERRORS_OF_API));
          case "api key" ->
              node.connect(node.tls(), node.at("/ushs/v1/ws?subscribe=*&apikey=" + node.opsKey));
          default ->
              node.connect(
                  node.tls(node.clientCa.issue("ops", TestPki.uri(SecureNode.OPS_SAN))),
                  node.at("/ushs/v1/ws?subscribe=*"));
        };
    client.request(new JsonObject().put("command", "ping"), "pong");
    String first = publishError("api");
    publishError("web");
    publishSession();
    String last = publishError("api");
    assertEquals(first, client.next().getString("id"));
    assertEquals(last, client.next().getString("id"), "web and session events never arrive");
    JsonObject refused = client.request(subscribe("session"), "error");
    assertEquals(4002, refused.getInteger("code"));
    client.request(new JsonObject().put("command", "ping"), "pong");
    client.close();
  }

  @Test
  void thePublishApiTakesApiKeysWithThePublishPermission() {
    WebClient web = WebClient.create(node.vertx);
    assertEquals(202, post(web, "X-API-Key", node.publisherKey).statusCode());
    assertEquals(403, post(web, "X-API-Key", node.opsKey).statusCode());
    assertEquals(401, post(web, "X-API-Key", "ushs_not-a-key-of-this-node").statusCode());
    assertEquals(401, post(web, "Authorization", "Basic b3BzOnNlY3JldA==").statusCode());
    assertEquals(401, post(web, "X-Other", "x").statusCode());
    web.close();
  }

  private static HttpResponse<Buffer> post(WebClient web, String header, String value) {
    return TestNodes.await(
        web.post(node.ingestPort(), "127.0.0.1", "/ushs/v1/events")
            .putHeader(header, value)
            .putHeader("Content-Type", "application/cloudevents+json")
            .sendBuffer(Publish.error("api", "low").toBuffer()));
  }

  @Test
  void refreshSwapsPermissionsAndExpiryWithoutReconnecting() {
    WsClient client = connect("?subscribe=*", node.token("alice", ERRORS_OF_API));
    client.request(new JsonObject().put("command", "ping"), "pong");
    assertEquals(publishError("api"), client.next().getString("id"));
    JsonObject claims =
        node.tokens
            .claims("alice")
            .put("ushs", SecureNode.permissions("['session']", null, false).toJson());
    String fresh = node.secret(node.tokens.hs256(claims));
    JsonObject refreshed =
        client.request(new JsonObject().put("command", "refresh").put("token", fresh), "refreshed");
    assertEquals(
        Instant.ofEpochSecond(claims.getLong("exp")),
        Instant.parse(refreshed.getString("expiresAt")));
    publishError("api");
    String session = publishSession();
    assertEquals(session, client.next().getString("id"), "errors are no longer permitted");
    assertEquals(4002, client.request(subscribe("error"), "error").getInteger("code"));
    client.close();
  }

  /** Columns: how the connection was opened, the refresh token, and the reason it is refused. */
  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          token   | garbage        | invalid token
          token   | expired        | token expired
          token   | other identity | refresh token is for another identity
          api key | valid          | refresh is only for token connections
          """)
  void aBadRefreshClosesWith4002(String opened, String refresh, String reason) {
    WsClient client =
        opened.equals("token")
            ? connect("", node.token("alice", ERRORS_OF_API))
            : node.connect(node.tls(), node.at("/ushs/v1/ws?apikey=" + node.opsKey));
    String token =
        switch (refresh) {
          case "garbage" -> "garbage.token.here";
          case "expired" -> node.secret(node.tokens.token("expired"));
          case "other identity" -> node.token("bob", ERRORS_OF_API);
          default -> node.token("apikey:ops", ERRORS_OF_API);
        };
    client.send(new JsonObject().put("command", "refresh").put("token", token));
    JsonObject error = client.next();
    assertEquals(4002, error.getInteger("code"));
    assertEquals(reason, error.getString("message"));
    assertEquals(4002, client.awaitClose());
    client.close();
  }

  @Test
  void aTokenThatExpiresClosesTheConnectionUnlessRefreshed() {
    JsonObject shortLived =
        node.tokens.claims("carol").put("exp", Instant.now().getEpochSecond() + 2);
    WsClient expiring = connect("", node.secret(node.tokens.hs256(shortLived)));
    WsClient refreshed = connect("", node.secret(node.tokens.hs256(shortLived.copy())));
    String longLived = node.secret(node.tokens.hs256(node.tokens.claims("carol")));
    refreshed.request(
        new JsonObject().put("command", "refresh").put("token", longLived), "refreshed");
    assertEquals(4002, expiring.awaitClose());
    refreshed.assertQuiet(1500);
    assertEquals(false, refreshed.isClosed(), "its expiry moved to the new token's");
    refreshed.request(new JsonObject().put("command", "ping"), "pong");
    expiring.close();
    refreshed.close();
  }
}
