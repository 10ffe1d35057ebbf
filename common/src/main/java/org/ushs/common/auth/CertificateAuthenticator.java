package org.ushs.common.auth;

import io.vertx.core.Future;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a TLS client certificate into a principal. The chain must lead to one of the client CA
 * certificates (PKIX, checked here as well as by TLS); the leaf's subject alternative names are
 * then looked up, exactly, in the identity map. A certificate that maps to nothing is refused,
 * never treated as anonymous. Thread-safe.
 */
public final class CertificateAuthenticator implements Authenticator {

  /** SAN types compared: rfc822Name, dNSName, uniformResourceIdentifier, iPAddress. */
  private static final Set<Integer> SAN_TYPES = Set.of(1, 2, 6, 7);

  private final List<X509Certificate> clientCas;
  private final Set<TrustAnchor> anchors;
  private final List<ClientIdentity> identities;

  public CertificateAuthenticator(
      List<X509Certificate> clientCas, List<ClientIdentity> identities) {
    this.clientCas = List.copyOf(clientCas);
    this.anchors =
        clientCas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
    this.identities = List.copyOf(identities);
  }

  @Override
  public Future<Principal> authenticate(Credentials credentials) {
    if (!(credentials instanceof Credentials.ClientCertificate certificate)) {
      return Future.failedFuture(AuthFailure.invalid("unsupported credentials"));
    }
    try {
      validate(certificate.chain());
      List<String> sans = subjectAltNames(certificate.leaf());
      return ClientIdentityMap.lookup(identities, sans)
          .map(i -> Future.succeededFuture(new Principal(i.id(), i.permissions(), null)))
          .orElseGet(
              () ->
                  Future.failedFuture(
                      new AuthFailure(
                          AuthFailure.Kind.INVALID,
                          "certificate not mapped to an identity",
                          "san=" + sans)));
    } catch (AuthFailure e) {
      return Future.failedFuture(e);
    }
  }

  /** PKIX wants the path without its trust anchor; clients often send the CA too. */
  private void validate(List<X509Certificate> received) {
    List<X509Certificate> chain = new ArrayList<>(received);
    while (chain.size() > 1 && clientCas.contains(chain.get(chain.size() - 1))) {
      chain.remove(chain.size() - 1);
    }
    try {
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    } catch (GeneralSecurityException e) {
      throw AuthFailure.invalid("certificate not issued by the client CA");
    }
  }

  /** The values of the leaf's DNS, URI, e-mail and IP subject alternative names. */
  static List<String> subjectAltNames(X509Certificate leaf) {
    List<String> sans = new ArrayList<>();
    try {
      Collection<List<?>> entries = leaf.getSubjectAlternativeNames();
      if (entries != null) {
        for (List<?> entry : entries) {
          if (entry.size() == 2
              && SAN_TYPES.contains(entry.get(0))
              && entry.get(1) instanceof String value) {
            sans.add(value);
          }
        }
      }
    } catch (CertificateParsingException e) {
      throw AuthFailure.invalid("certificate subject alternative names unreadable");
    }
    return sans;
  }
}
