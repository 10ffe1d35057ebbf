package org.ushs.app;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.ushs.common.auth.TestPki;

/**
 * A client key manager that presents its certificate whatever CAs the server asks for, as an
 * attacker would: an ordinary client sends only a certificate issued by a CA the server names.
 */
final class ForcedKeyManager extends X509ExtendedKeyManager {

  private static final String ALIAS = "client";
  private final TestPki.Issued issued;

  ForcedKeyManager(TestPki.Issued issued) {
    this.issued = issued;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return ALIAS;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return ALIAS;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return new String[0];
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return new X509Certificate[] {issued.certificate()};
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return issued.keys().getPrivate();
  }
}
