package org.ushs.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.auth.ApiKeysFile;
import org.ushs.common.auth.TestKeys;
import org.ushs.common.auth.TestPki;

/**
 * The security settings at start-up: files read and checked, and every bad combination refused with
 * one line that names the setting.
 */
class SecurityReaderTest {

  @TempDir static Path dir;
  private static final String KEY_IN_CLEAR = "ushs_Zm9vYmFyLXNlY3JldC1rZXktaW4tY2xlYXI";

  @BeforeAll
  static void files() throws IOException {
    KeyPair rsa = TestKeys.rsa(2048);
    Files.writeString(dir.resolve("jwks.json"), TestKeys.jwks(TestKeys.jwk(rsa, "r1")).encode());
    Files.writeString(dir.resolve("keys.pem"), TestKeys.publicPem(rsa));
    Files.writeString(dir.resolve("private.pem"), TestKeys.privatePem(rsa));
    Files.writeString(
        dir.resolve("apikeys.json"),
        "{\"keys\":[{\"id\":\"ops\",\"sha256\":\"" + ApiKeysFile.hash("k") + "\"}]}");
    Files.writeString(
        dir.resolve("clear.json"),
        "{\"keys\":[{\"id\":\"ops\",\"sha256\":\"" + KEY_IN_CLEAR + "\"}]}");
    Files.writeString(dir.resolve("map.json"), "{\"identities\":[{\"san\":\"a\",\"id\":\"a\"}]}");
    TestPki ca = new TestPki("ca");
    ca.writeCertificate(dir.resolve("ca.crt"));
    ca.issue("server", TestPki.ip("127.0.0.1")).write(dir, "server");
  }

  private static UshsConfig load(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1].replace("DIR", dir.toString()));
    }
    return ConfigLoader.load(env);
  }

  @Test
  void thePublishPortUsesItsOwnCertificateOrElseTheGateways() throws IOException {
    assertFalse(load().ingest().tls().enabled(), "no certificate: plain HTTP");
    TlsSettings shared =
        load("USHS_TLS_CERT", "DIR/server.crt", "USHS_TLS_KEY", "DIR/server.key").ingest().tls();
    assertEquals(dir.resolve("server.crt"), shared.certificate());
    assertFalse(shared.requestsClientCertificates());
    new TestPki("ingest-ca").issue("ingest", TestPki.ip("127.0.0.1")).write(dir, "ingest");
    TlsSettings own =
        load(
                "USHS_TLS_CERT", "DIR/server.crt",
                "USHS_TLS_KEY", "DIR/server.key",
                "USHS_INGEST_TLS_CERT", "DIR/ingest.crt",
                "USHS_INGEST_TLS_KEY", "DIR/ingest.key")
            .ingest()
            .tls();
    assertEquals(dir.resolve("ingest.crt"), own.certificate());
    assertEquals(dir.resolve("ingest.key"), own.privateKey());
    ConfigException half =
        assertThrows(ConfigException.class, () -> load("USHS_INGEST_TLS_CERT", "DIR/ingest.crt"));
    assertTrue(half.getMessage().contains("USHS_INGEST_TLS_KEY"), half.getMessage());
  }

  @Test
  void subMayBeMadeOptional() {
    assertFalse(load("USHS_JWT_REQUIRE_SUB", "false").auth().jwtPolicy().requireSub());
    ConfigException e =
        assertThrows(ConfigException.class, () -> load("USHS_JWT_REQUIRE_SUB", "maybe"));
    assertTrue(e.getMessage().contains("USHS_JWT_REQUIRE_SUB"), e.getMessage());
  }

  @Test
  void everyCredentialSourceIsRead() {
    UshsConfig config =
        load(
            "USHS_JWT_PUBLIC_KEYS", "DIR/jwks.json",
            "USHS_JWT_ISSUER", "https://issuer.test",
            "USHS_JWT_AUDIENCE", "ushs",
            "USHS_API_KEYS_FILE", "DIR/apikeys.json",
            "USHS_TLS_CERT", "DIR/server.crt",
            "USHS_TLS_KEY", "DIR/server.key",
            "USHS_TLS_CLIENT_CA", "DIR/ca.crt",
            "USHS_TLS_CLIENT_MAP", "DIR/map.json",
            "USHS_ALLOWED_ORIGINS", "https://Dash.Example, http://localhost:3000");
    AuthSettings auth = config.auth();
    assertEquals("r1", auth.jwtPublicKeys().get(0).kid());
    assertEquals("https://issuer.test", auth.jwtPolicy().issuer());
    assertEquals("ushs", auth.jwtPolicy().audience());
    assertTrue(auth.jwtPolicy().requireSub(), "sub required by default");
    assertEquals("ops", auth.apiKeys().get(0).id());
    assertEquals("a", auth.clientIdentities().get(0).id());
    assertEquals(List.of("https://dash.example", "http://localhost:3000"), auth.allowedOrigins());
    assertTrue(config.tls().enabled() && config.tls().requestsClientCertificates());
    assertFalse(auth.devMode(), "keys configured: no dev mode");
    assertTrue(auth.acceptsTokens());
  }

  @Test
  void devModeOnlyWithNoCredentialSourceAtAll() {
    assertTrue(load().auth().devMode());
    assertFalse(load("USHS_API_KEYS_FILE", "DIR/apikeys.json").auth().devMode());
    assertFalse(load("USHS_JWT_PUBLIC_KEYS", "DIR/keys.pem").auth().devMode());
    assertFalse(load("USHS_API_KEYS_FILE", "DIR/apikeys.json").auth().acceptsTokens());
  }

  @Test
  void aKeyInClearIsRefusedAtStartUpInOneLineThatNeverShowsIt() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load("USHS_API_KEYS_FILE", "DIR/clear.json"));
    assertTrue(e.getMessage().startsWith("USHS_API_KEYS_FILE: "), e.getMessage());
    assertTrue(e.getMessage().contains("sha256 must be 64 hex digits"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY_IN_CLEAR), "the key never shows");
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void theSecretNeverShowsInTheSettings() {
    String secret = "a-secret-of-more-than-32-bytes-0123456789";
    assertFalse(load("USHS_JWT_SECRET", secret).auth().toString().contains(secret));
  }

  /** Columns: settings (name=value;...), and the setting the refusal names. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          USHS_JWT_PUBLIC_KEYS=DIR/missing.pem                         | USHS_JWT_PUBLIC_KEYS
          USHS_JWT_PUBLIC_KEYS=DIR/private.pem                         | USHS_JWT_PUBLIC_KEYS
          USHS_JWT_PUBLIC_KEYS=DIR/apikeys.json                        | USHS_JWT_PUBLIC_KEYS
          USHS_API_KEYS_FILE=DIR/jwks.json                             | USHS_API_KEYS_FILE
          USHS_API_KEYS_FILE=DIR/missing.json                          | USHS_API_KEYS_FILE
          USHS_TLS_CERT=DIR/server.crt                                 | USHS_TLS_KEY
          USHS_TLS_KEY=DIR/server.key                                  | USHS_TLS_CERT
          USHS_TLS_CERT=DIR/server.key;USHS_TLS_KEY=DIR/server.key     | USHS_TLS_CERT
          USHS_TLS_CERT=DIR/server.crt;USHS_TLS_KEY=DIR/server.crt     | USHS_TLS_KEY
          USHS_TLS_CLIENT_CA=DIR/ca.crt;USHS_TLS_CLIENT_MAP=DIR/map.json | USHS_TLS_CLIENT_CA
          USHS_TLS_CERT=DIR/server.crt;USHS_TLS_KEY=DIR/server.key;USHS_TLS_CLIENT_CA=DIR/ca.crt | USHS_TLS_CLIENT_MAP
          USHS_TLS_CERT=DIR/server.crt;USHS_TLS_KEY=DIR/server.key;USHS_TLS_CLIENT_MAP=DIR/map.json | USHS_TLS_CLIENT_CA
          USHS_TLS_CERT=DIR/server.crt;USHS_TLS_KEY=DIR/server.key;USHS_TLS_CLIENT_CA=DIR/server.key;USHS_TLS_CLIENT_MAP=DIR/map.json | USHS_TLS_CLIENT_CA
          USHS_TLS_CERT=DIR/server.crt;USHS_TLS_KEY=DIR/server.key;USHS_TLS_CLIENT_CA=DIR/ca.crt;USHS_TLS_CLIENT_MAP=DIR/apikeys.json | USHS_TLS_CLIENT_MAP
          USHS_ALLOWED_ORIGINS=dash.example                            | USHS_ALLOWED_ORIGINS
          USHS_ALLOWED_ORIGINS=https://dash.example/app                | USHS_ALLOWED_ORIGINS
          USHS_JWT_SECRET=short                                        | USHS_JWT_SECRET
          """)
  void badSettingsAreRefusedNamingTheSetting(String settings, String named) {
    String[] pairs = settings.split("[;=]", -1);
    ConfigException e = assertThrows(ConfigException.class, () -> load(pairs));
    assertTrue(e.getMessage().startsWith(named + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }
}
