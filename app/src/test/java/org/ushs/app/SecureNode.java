package org.ushs.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ushs.common.auth.ApiKeyEntry;
import org.ushs.common.auth.ApiKeysFile;
import org.ushs.common.auth.AttackTokens;
import org.ushs.common.auth.Permissions;
import org.ushs.common.auth.TestKeys;
import org.ushs.common.auth.TestPki;

/**
 * A real node with every credential source on: HS256, a JWKS of an RS256 and an ES256 key, issuer
 * and audience, an API keys file, TLS 1.3 with client certificates requested from a client CA and
 * mapped by SAN, and an Origin allowlist. Keys and certificates are made for the run in a temporary
 * directory. Also the clients to reach it, and the secrets a test used, which must never be logged.
 */
final class SecureNode implements AutoCloseable {

  static final String ISSUER = "https://issuer.test";
  static final String AUDIENCE = "ushs";
  static final String ORIGIN = "https://dash.example";
  static final String OPS_SAN = "spiffe://ushs/ops";

  final KeyPair rsa = TestKeys.rsa(2048);
  final KeyPair ec = TestKeys.ec("secp256r1");
  final AttackTokens tokens = new AttackTokens(TestNodes.SECRET, rsa, ec, ISSUER, AUDIENCE);
  final TestPki serverCa = new TestPki("server-ca");
  final TestPki clientCa = new TestPki("client-ca");
  final TestPki otherCa = new TestPki("other-ca");
  final Set<String> secrets = ConcurrentHashMap.newKeySet();
  final String opsKey = ApiKeysFile.generateKey();
  final String publisherKey = ApiKeysFile.generateKey();
  final LogCapture logs = new LogCapture();
  final Vertx vertx = Vertx.vertx();
  private final Path dir;
  private TestNodes nodes;

  private SecureNode(Path dir) {
    this.dir = dir;
    secrets.add(opsKey);
    secrets.add(publisherKey);
  }

  static SecureNode start(Path dir) throws IOException {
    SecureNode node = new SecureNode(dir);
    node.nodes = TestNodes.start(1, node.settings());
    return node;
  }

  private Map<String, String> settings() throws IOException {
    Files.writeString(
        dir.resolve("jwks.json"),
        TestKeys.jwks(TestKeys.jwk(rsa, "rsa-1"), TestKeys.jwk(ec, "ec-1")).encodePrettily());
    String keys =
        ApiKeysFile.add(
            null,
            new ApiKeyEntry(
                "ops", ApiKeysFile.hash(opsKey), permissions("['error']", "['api']", false)));
    keys =
        ApiKeysFile.add(
            keys,
            new ApiKeyEntry(
                "publisher", ApiKeysFile.hash(publisherKey), permissions(null, null, true)));
    Files.writeString(dir.resolve("apikeys.json"), keys);
    JsonObject ops =
        permissions("['error']", "['api']", false)
            .toJson()
            .put("san", OPS_SAN)
            .put("id", "ops-service");
    Files.writeString(
        dir.resolve("identities.json"),
        new JsonObject().put("identities", new JsonArray().add(ops)).encodePrettily());
    Path[] server = serverCa.issue("gateway", TestPki.ip("127.0.0.1")).write(dir, "gateway");
    Map<String, String> env = new HashMap<>();
    env.put("USHS_JWT_PUBLIC_KEYS", dir.resolve("jwks.json").toString());
    env.put("USHS_JWT_ISSUER", ISSUER);
    env.put("USHS_JWT_AUDIENCE", AUDIENCE);
    env.put("USHS_API_KEYS_FILE", dir.resolve("apikeys.json").toString());
    env.put("USHS_TLS_CERT", server[0].toString());
    env.put("USHS_TLS_KEY", server[1].toString());
    env.put(
        "USHS_TLS_CLIENT_CA", clientCa.writeCertificate(dir.resolve("client-ca.crt")).toString());
    env.put("USHS_TLS_CLIENT_MAP", dir.resolve("identities.json").toString());
    env.put("USHS_ALLOWED_ORIGINS", ORIGIN);
    return env;
  }

  static Permissions permissions(String eventTypes, String services, boolean publish) {
    JsonObject json = new JsonObject().put("publish", publish);
    if (eventTypes != null) {
      json.put("eventTypes", new JsonArray(eventTypes.replace('\'', '"')));
    }
    if (services != null) {
      json.put("services", new JsonArray(services.replace('\'', '"')));
    }
    return Permissions.fromJson(json);
  }

  /** A valid HS256 token for {@code subject} with {@code permissions}, remembered as a secret. */
  String token(String subject, Permissions permissions) {
    return secret(tokens.hs256(tokens.claims(subject).put("ushs", permissions.toJson())));
  }

  /** Remembers {@code value} (and a JWT's signature part) as never to be logged. */
  String secret(String value) {
    if (value.length() < 8) {
      return value; // not a secret: "" or a placeholder
    }
    secrets.add(value);
    int dot = value.lastIndexOf('.');
    if (dot > 0 && dot < value.length() - 8) {
      secrets.add(value.substring(dot + 1));
    }
    return value;
  }

  int gatewayPort() {
    return nodes.node(0).gatewayPort();
  }

  int ingestPort() {
    return nodes.node(0).ingestPort();
  }

  /** TLS client options trusting the server's CA, TLS 1.3, no client certificate. */
  WebSocketClientOptions tls() {
    return new WebSocketClientOptions()
        .setSsl(true)
        .setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertValue(pem(serverCa)))
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.3"));
  }

  /** HTTPS client options for the publish port (which uses the gateway's certificate), TLS 1.3. */
  WebClientOptions https() {
    return new WebClientOptions()
        .setSsl(true)
        .setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertValue(pem(serverCa)))
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.3"));
  }

  /** TLS client options presenting {@code certificate}. */
  WebSocketClientOptions tls(TestPki.Issued certificate) {
    Path[] files = certificate.write(dir, "client-" + certificate.certificate().getSerialNumber());
    return tls()
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .setCertPath(files[0].toString())
                .setKeyPath(files[1].toString()));
  }

  private io.vertx.core.buffer.Buffer pem(TestPki ca) {
    try {
      return io.vertx.core.buffer.Buffer.buffer(
          TestKeys.pem("CERTIFICATE", ca.certificate().getEncoded()));
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Options for {@code uri} on the gateway, with no Origin unless a test sets one. */
  WebSocketConnectOptions at(String uri) {
    return new WebSocketConnectOptions()
        .setHost("127.0.0.1")
        .setPort(gatewayPort())
        .setURI(uri)
        .setAllowOriginHeader(false);
  }

  WsClient connect(WebSocketClientOptions client, WebSocketConnectOptions options) {
    return TestNodes.await(WsClient.open(vertx, client, options));
  }

  /** The failure of a connection that must not be made. */
  Throwable refused(WebSocketClientOptions client, WebSocketConnectOptions options) {
    Future<WsClient> attempt = WsClient.open(vertx, client, options);
    try {
      WsClient unexpected = TestNodes.await(attempt);
      unexpected.close();
    } catch (AssertionError expected) {
      return attempt.cause();
    }
    throw new AssertionError("the connection was made");
  }

  @Override
  public void close() {
    logs.close();
    vertx.close();
    nodes.close();
  }
}
