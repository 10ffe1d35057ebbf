package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ClientIdentityMap} and {@link CertificateAuthenticator}: exact SANs, the CA only. */
class CertificateAuthenticatorTest {

  private static final String MAP =
      """
      {"identities":[
        {"san":"spiffe://ushs/ops","id":"ops","eventTypes":["error"],"services":["api"]},
        {"san":"svc.internal","id":"svc","publish":true}]}
      """;

  private static final TestPki CA = new TestPki("client-ca");
  private static final TestPki OTHER_CA = new TestPki("other-ca");
  private static final CertificateAuthenticator CERTS =
      new CertificateAuthenticator(List.of(CA.certificate()), ClientIdentityMap.parse(MAP));

  /** Columns: the certificate's SANs, and the identity ({@code -}: none). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          spiffe://ushs/ops                    | ops
          svc.internal                         | svc
          spiffe://ushs/ops/                   | -
          SPIFFE://ushs/ops                    | -
          spiffe://ushs                        | -
          Svc.Internal                         | -
          other.internal svc.internal          | svc
          """)
  void identitiesAreExactMatches(String sans, String expected) {
    var found =
        ClientIdentityMap.lookup(ClientIdentityMap.parse(MAP), List.of(sans.split(" ", -1)));
    assertEquals(expected, found.map(ClientIdentity::id).orElse("-"));
  }

  @Test
  void aCertificateMatchingTwoIdentitiesIsRefused() {
    assertThrows(
        AuthFailure.class,
        () ->
            ClientIdentityMap.lookup(
                ClientIdentityMap.parse(MAP), List.of("svc.internal", "spiffe://ushs/ops")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"identities":[{"id":"x"}]}                          | identities[0]: san required (a non-empty string)
          {"identities":[{"san":"a"}]}                         | identities[0]: id required (a non-empty string)
          {"identities":[{"san":"a","id":"x"},{"san":"a","id":"y"}]} | identities[1]: duplicate san a
          {"identities":[{"san":"a","id":"x","services":"api"}]} | identities[0]: permission lists must be arrays of strings
          {"ids":[]}                                           | needs an "identities" array
          [1]                                                  | not a JSON object
          """)
  void badMapsAreRefused(String json, String why) {
    assertEquals(
        why,
        assertThrows(IllegalArgumentException.class, () -> ClientIdentityMap.parse(json))
            .getMessage());
  }

  @Test
  void aMappedCertificateOfTheCaIsItsIdentity() throws Exception {
    X509Certificate leaf = CA.issue("ops", TestPki.uri("spiffe://ushs/ops")).certificate();
    Principal principal =
        await(CERTS.authenticate(new Credentials.ClientCertificate(List.of(leaf))));
    assertEquals("ops", principal.id());
    assertEquals(Set.of("api"), principal.permissions().services());
    Principal withCa =
        await(
            CERTS.authenticate(new Credentials.ClientCertificate(List.of(leaf, CA.certificate()))));
    assertEquals("ops", withCa.id());
  }

  @Test
  void anotherCaOrAnUnmappedSanIsRefused() {
    X509Certificate foreign = OTHER_CA.issue("ops", TestPki.uri("spiffe://ushs/ops")).certificate();
    assertEquals(
        "certificate not issued by the client CA",
        refusal(new Credentials.ClientCertificate(List.of(foreign))).getMessage());
    X509Certificate stranger = CA.issue("x", TestPki.dns("stranger.internal")).certificate();
    AuthFailure unmapped = refusal(new Credentials.ClientCertificate(List.of(stranger)));
    assertEquals("certificate not mapped to an identity", unmapped.getMessage());
    assertEquals("san=[stranger.internal]", unmapped.identity());
  }

  private static AuthFailure refusal(Credentials credentials) {
    Future<Principal> result = CERTS.authenticate(credentials);
    return (AuthFailure) result.cause();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
