package org.ushs.common.config;

import java.nio.file.Path;

/**
 * TLS of a port (the client WebSocket port, the publish port): PEM certificate chain and private
 * key (both null: plain WebSocket), and the PEM client CA whose certificates the server requests,
 * but does not require, from clients (null: none requested). Only TLS 1.3 is offered.
 */
public record TlsSettings(Path certificate, Path privateKey, Path clientCa) {

  public static final TlsSettings NONE = new TlsSettings(null, null, null);

  public boolean enabled() {
    return certificate != null;
  }

  public boolean requestsClientCertificates() {
    return clientCa != null;
  }
}
