package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.security.KeyPair;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JwtKeyFile}: JWKS and PEM files read, each bad form refused with its reason. */
class JwtKeyFileTest {

  private static final KeyPair RSA = TestKeys.rsa(2048);
  private static final KeyPair EC = TestKeys.ec("secp256r1");

  @Test
  void jwksKeysArePinnedByType() {
    List<JwtKey> keys =
        JwtKeyFile.parse(
            TestKeys.jwks(TestKeys.jwk(RSA, "rsa-1"), TestKeys.jwk(EC, "ec-1")).encodePrettily());
    assertEquals(2, keys.size());
    assertEquals("rsa-1", keys.get(0).kid());
    assertEquals("RS256", keys.get(0).algorithm());
    assertEquals(RSA.getPublic(), keys.get(0).key());
    assertEquals("ec-1", keys.get(1).kid());
    assertEquals("ES256", keys.get(1).algorithm());
    assertEquals(EC.getPublic(), keys.get(1).key());
  }

  @Test
  void jwksWithoutAlgIsInferredAndEncryptionKeysAreSkipped() {
    JsonObject rsa = TestKeys.jwk(RSA, "r");
    rsa.remove("alg");
    JsonObject enc = TestKeys.jwk(EC, "enc").put("use", "enc");
    List<JwtKey> keys = JwtKeyFile.parse(TestKeys.jwks(rsa, enc).encode());
    assertEquals(1, keys.size());
    assertEquals("RS256", keys.get(0).algorithm());
  }

  @Test
  void pemFilesHoldOneOrMoreKeysWithoutKid() {
    List<JwtKey> keys =
        JwtKeyFile.parse("# keys\n" + TestKeys.publicPem(RSA) + "\n" + TestKeys.publicPem(EC));
    assertEquals(List.of("RS256", "ES256"), keys.stream().map(JwtKey::algorithm).toList());
    assertEquals(null, keys.get(0).kid());
    assertEquals(RSA.getPublic(), JwtKeyFile.parse(keys.get(0).pem()).get(0).key());
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        bad("empty", () -> "", "neither a JWKS document nor a PEM file"),
        bad("not json", () -> "{keys", "not valid JSON (expected a JWKS document)"),
        bad("no keys array", () -> "{\"k\":[]}", "a JWKS document needs a \"keys\" array"),
        bad("no keys", () -> "{\"keys\":[]}", "holds no signature key"),
        bad(
            "symmetric key",
            () -> "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}",
            "keys[0]: holds private or secret key material"),
        bad(
            "private jwk",
            () -> TestKeys.jwks(TestKeys.jwk(RSA, "r").put("d", "AQAB")).encode(),
            "keys[0]: holds private or secret key material"),
        bad(
            "P-384",
            () -> TestKeys.jwks(TestKeys.jwk(EC, "e").put("crv", "P-384")).encode(),
            "keys[0]: only the EC curve P-256 is accepted"),
        bad(
            "point off the curve",
            () -> TestKeys.jwks(TestKeys.jwk(EC, "e").put("y", "AQAB")).encode(),
            "keys[0]: the point is not on P-256"),
        bad(
            "alg not of the key",
            () -> TestKeys.jwks(TestKeys.jwk(RSA, "r").put("alg", "ES256")).encode(),
            "keys[0]: alg ES256 does not fit the key (expected RS256)"),
        bad(
            "RS384",
            () -> TestKeys.jwks(TestKeys.jwk(RSA, "r").put("alg", "RS384")).encode(),
            "keys[0]: alg RS384 does not fit the key (expected RS256)"),
        bad(
            "duplicate kid",
            () -> TestKeys.jwks(TestKeys.jwk(RSA, "k"), TestKeys.jwk(EC, "k")).encode(),
            "keys[1]: duplicate kid k"),
        bad(
            "unknown kty",
            () -> "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AQAB\"}]}",
            "keys[0]: kty must be RSA or EC"),
        bad(
            "missing modulus",
            () -> "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\"}]}",
            "keys[0]: n required (base64url)"),
        bad(
            "short RSA",
            () -> TestKeys.publicPem(TestKeys.rsa(1024)),
            "RSA key shorter than 2048 bits"),
        bad(
            "private PEM",
            () -> TestKeys.privatePem(RSA),
            "holds a private key: give only public keys"),
        bad(
            "P-384 PEM",
            () -> TestKeys.publicPem(TestKeys.ec("secp384r1")),
            "only RSA (RS256) and EC P-256 (ES256) keys are accepted"),
        bad(
            "other PEM block",
            () -> TestKeys.pem("DH PARAMETERS", new byte[] {1}),
            "unsupported PEM block DH PARAMETERS"));
  }

  private static Arguments bad(String name, Supplier<String> content, String why) {
    return Arguments.of(name, content, why);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void badFilesAreRefusedWithTheReason(String name, Supplier<String> content, String why) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JwtKeyFile.parse(content.get()));
    assertEquals(why, e.getMessage(), name);
    assertTrue(!e.getMessage().contains("\n"), "one line");
  }
}
