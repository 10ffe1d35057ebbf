package org.ushs.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.auth.TestPki;

/**
 * The attack matrix over real TLS sockets against a real node: every bad credential refused with
 * its code and reason, logged once without the secret; every good credential form let in.
 */
@Tag("integration")
class AuthMatrixTest {

  @TempDir static Path dir;
  private static SecureNode node;

  @BeforeAll
  static void start() throws Exception {
    node = SecureNode.start(dir);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @AfterEach
  void nothingSecretWasLogged() {
    node.logs.assertNoneHolds(node.secrets);
  }

  /** The connect options carrying {@code credential} the way {@code placement} says. */
  private static WebSocketConnectOptions carrying(String placement, String credential) {
    String uri = "/ushs/v1/ws";
    WebSocketConnectOptions options;
    switch (placement) {
      case "bearer" -> options = node.at(uri).addHeader("Authorization", "Bearer " + credential);
      case "authorization" -> options = node.at(uri).addHeader("Authorization", credential);
      case "access_token" -> options = node.at(uri + "?subscribe=error&access_token=" + credential);
      case "apikey" -> options = node.at(uri + "?apikey=" + credential + "&subscribe=error");
      case "x-api-key" -> options = node.at(uri).addHeader("X-API-Key", credential);
      case "subprotocol" ->
          options =
              node.at(uri)
                  .setSubProtocols(List.of("ushs.bearer." + credential, "cloudevents.json"));
      default -> options = node.at(uri);
    }
    return options;
  }

  private static String credential(String name) {
    return switch (name) {
      case "-" -> "";
      case "wrong api key" -> "ushs_not-a-key-of-this-node";
      case "basic" -> "Basic b3BzOnNlY3JldA==";
      case "ops api key" -> node.opsKey;
      default -> node.tokens.token(name);
    };
  }

  /** Columns: the credential, where it goes, the code of the error message and close, reason. */
  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -                              | none          | 4001 | Authentication required
          garbage                        | bearer        | 4002 | invalid token
          garbage                        | access_token  | 4002 | invalid token
          garbage                        | subprotocol   | 4002 | invalid token
          bad signature                  | bearer        | 4002 | invalid token: bad signature
          tampered payload               | bearer        | 4002 | invalid token: bad signature
          expired                        | bearer        | 4002 | token expired
          no exp                         | bearer        | 4002 | invalid token: exp required
          not yet valid                  | bearer        | 4002 | invalid token: not yet valid
          wrong iss                      | bearer        | 4002 | invalid token: wrong issuer
          wrong aud                      | access_token  | 4002 | invalid token: wrong audience
          alg none                       | bearer        | 4002 | invalid token
          alg none signed                | bearer        | 4002 | invalid token: algorithm none not accepted
          hs256 with rsa public key, kid | bearer        | 4002 | invalid token: algorithm does not match the key
          hs256 with rsa public key      | subprotocol   | 4002 | invalid token: bad signature
          unknown kid                    | bearer        | 4002 | invalid token: unknown key id
          wrong api key                  | apikey        | 4002 | invalid API key
          wrong api key                  | x-api-key     | 4002 | invalid API key
          ops api key                    | bearer        | 4002 | invalid token
          basic                          | authorization | 4002 | unsupported Authorization scheme: use Bearer
          """)
  void badCredentialsAreRefused(String name, String placement, int code, String reason) {
    String credential = node.secret(credential(name));
    int mark = node.logs.mark();
    WsClient client = node.connect(node.tls(), carrying(placement, credential));
    JsonObject error = client.next();
    assertEquals("error", error.getString("type"));
    assertEquals(code, error.getInteger("code"));
    assertEquals(reason, error.getString("message"));
    assertEquals(code, client.awaitClose());
    List<String> logged = node.logs.since(mark, line -> line.contains("refused WebSocket"));
    assertEquals(1, logged.size(), "logged once: " + logged);
    assertTrue(logged.get(0).contains("from 127.0.0.1:"), logged.get(0));
    assertTrue(logged.get(0).endsWith(code + " " + reason), logged.get(0));
    assertTrue(!logged.get(0).contains("access_token=") && !logged.get(0).contains("apikey="));
    client.close();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          rs256        | bearer
          rs256 no kid | bearer
          es256        | bearer
          hs256        | bearer
          es256        | access_token
          rs256        | subprotocol
          ops api key  | apikey
          ops api key  | x-api-key
          """)
  void goodCredentialsGetIn(String name, String placement) {
    WsClient client = node.connect(node.tls(), carrying(placement, node.secret(credential(name))));
    client.request(new JsonObject().put("command", "ping"), "pong");
    client.close();
  }

  @Test
  void theTokenSubprotocolIsNeverEchoedCloudEventsJsonIsSelected() {
    String token = node.secret(node.tokens.token("es256"));
    WsClient offered = node.connect(node.tls(), carrying("subprotocol", token));
    assertEquals("cloudevents.json", offered.subProtocol());
    offered.close();
    WsClient plain = node.connect(node.tls(), carrying("bearer", token));
    assertTrue(plain.subProtocol() == null || plain.subProtocol().isEmpty(), plain.subProtocol());
    plain.close();
    // a client must offer cloudevents.json too: the server never selects the token protocol,
    // and a client (browser or Netty) that gets no protocol back fails the connection itself
    WebSocketConnectOptions tokenOnly =
        node.at("/ushs/v1/ws").setSubProtocols(List.of("ushs.bearer." + token));
    node.refused(node.tls(), tokenOnly);
  }

  @Test
  void aTls12ClientIsRefused() {
    int mark = node.logs.mark();
    WebSocketClientOptions tls12 = node.tls().setEnabledSecureTransportProtocols(Set.of("TLSv1.2"));
    node.refused(tls12, carrying("bearer", node.secret(node.tokens.token("hs256"))));
    node.logs.await(mark, line -> line.contains("refused connection before the WebSocket"));
  }

  @Test
  void aPlainWebSocketIsRefusedOnTheTlsPortAndItsRequestIsNotLogged() {
    String token = node.secret(node.tokens.token("hs256"));
    int mark = node.logs.mark();
    node.refused(new WebSocketClientOptions(), carrying("access_token", token));
    String logged =
        node.logs.await(mark, line -> line.contains("refused connection before the WebSocket"));
    assertTrue(logged.endsWith("NotSslRecordException"), logged);
    String hexOfQuery = java.util.HexFormat.of().formatHex("access_token".getBytes(UTF_8));
    assertTrue(node.logs.since(0, line -> line.contains(hexOfQuery)).isEmpty());
  }

  @Test
  void aMappedClientCertificateIsItsIdentity() {
    TestPki.Issued ops = node.clientCa.issue("ops", TestPki.uri(SecureNode.OPS_SAN));
    WsClient client = node.connect(node.tls(ops), node.at("/ushs/v1/ws?subscribe=error"));
    client.send(new JsonObject().put("command", "subscribe").put("eventTypes", List.of("session")));
    assertEquals(4002, client.next().getInteger("code"), "its permissions apply: error only");
    client.request(new JsonObject().put("command", "ping"), "pong");
    client.close();
  }

  @Test
  void anUnmappedCertificateOfTheRightCaIsRefusedNotAnonymous() {
    TestPki.Issued stranger = node.clientCa.issue("x", TestPki.uri("spiffe://ushs/stranger"));
    int mark = node.logs.mark();
    WsClient client = node.connect(node.tls(stranger), node.at("/ushs/v1/ws"));
    JsonObject error = client.next();
    assertEquals(4002, error.getInteger("code"));
    assertEquals("certificate not mapped to an identity", error.getString("message"));
    assertEquals(4002, client.awaitClose());
    String logged = node.logs.await(mark, line -> line.contains("refused WebSocket"));
    assertTrue(logged.contains("identity san=[spiffe://ushs/stranger]"), logged);
    client.close();
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedEvenWithAMappedSan() {
    TestPki.Issued forged = node.otherCa.issue("ops", TestPki.uri(SecureNode.OPS_SAN));
    int mark = node.logs.mark();
    String answer =
        RawTlsClient.upgrade(
            node.gatewayPort(),
            "/ushs/v1/ws",
            node.serverCa.certificate(),
            new ForcedKeyManager(forged));
    assertTrue(!answer.contains(" 101 "), "no upgrade: " + answer);
    String logged =
        node.logs.await(mark, line -> line.contains("refused connection before the WebSocket"));
    assertTrue(logged.contains("SSLHandshakeException"), logged);
  }

  @Test
  void anOrdinaryClientDoesNotOfferACertificateOfAnotherCaAndIsNotAnonymous() {
    TestPki.Issued foreign = node.otherCa.issue("ops", TestPki.uri(SecureNode.OPS_SAN));
    WsClient client = node.connect(node.tls(foreign), node.at("/ushs/v1/ws"));
    assertEquals(4001, client.next().getInteger("code"));
    assertEquals(4001, client.awaitClose());
    client.close();
  }

  @Test
  void aForeignOriginIsRefusedWith403BeforeTheUpgrade() {
    String token = node.secret(node.tokens.token("hs256"));
    int mark = node.logs.mark();
    Throwable refused =
        node.refused(
            node.tls(),
            carrying("bearer", token)
                .setAllowOriginHeader(true)
                .addHeader("Origin", "https://evil.example"));
    assertEquals(403, assertInstanceOf(UpgradeRejectedException.class, refused).getStatus());
    String logged = node.logs.await(mark, line -> line.contains("refused WebSocket"));
    assertTrue(logged.contains("origin https://evil.example") && logged.endsWith("(403)"), logged);
    WsClient allowed =
        node.connect(
            node.tls(),
            carrying("bearer", token)
                .setAllowOriginHeader(true)
                .addHeader("Origin", SecureNode.ORIGIN));
    allowed.request(new JsonObject().put("command", "ping"), "pong");
    allowed.close();
  }
}
