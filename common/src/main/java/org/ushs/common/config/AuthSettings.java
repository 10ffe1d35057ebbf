package org.ushs.common.config;

import java.util.List;
import org.ushs.common.auth.ApiKeyEntry;
import org.ushs.common.auth.ClientIdentity;
import org.ushs.common.auth.JwtKey;
import org.ushs.common.auth.JwtPolicy;

/**
 * Credentials the node accepts, and from where. JWTs: the HS256 {@code jwtSecret} (null for none)
 * and the RS256/ES256 {@code jwtPublicKeys}, checked with {@code jwtPolicy}; API keys by their
 * hashes; client certificates by the {@code clientIdentities} map (the CA is in {@link
 * TlsSettings}); browsers' {@code Origin} against {@code allowedOrigins} (empty: not checked).
 * {@code devSecretFile} (null for none) is where a node in dev mode writes its generated secret.
 *
 * <p>With no credential source at all the node is in dev mode: it makes a random secret for the run
 * and prints tokens, and never runs open.
 */
public record AuthSettings(
    String jwtSecret,
    List<JwtKey> jwtPublicKeys,
    JwtPolicy jwtPolicy,
    List<ApiKeyEntry> apiKeys,
    List<ClientIdentity> clientIdentities,
    List<String> allowedOrigins,
    String devSecretFile) {

  public AuthSettings {
    jwtPublicKeys = List.copyOf(jwtPublicKeys);
    apiKeys = List.copyOf(apiKeys);
    clientIdentities = List.copyOf(clientIdentities);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** HS256 with {@code jwtSecret} only. */
  public AuthSettings(String jwtSecret) {
    this(jwtSecret, List.of(), JwtPolicy.LENIENT, List.of(), List.of(), List.of(), null);
  }

  public boolean devMode() {
    return jwtSecret == null
        && jwtPublicKeys.isEmpty()
        && apiKeys.isEmpty()
        && clientIdentities.isEmpty();
  }

  /** Whether bearer tokens can be verified at all. */
  public boolean acceptsTokens() {
    return jwtSecret != null || !jwtPublicKeys.isEmpty();
  }

  /** The same with another HS256 secret (dev mode fills in its generated one). */
  public AuthSettings withJwtSecret(String secret) {
    return new AuthSettings(
        secret, jwtPublicKeys, jwtPolicy, apiKeys, clientIdentities, allowedOrigins, devSecretFile);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "AuthSettings[jwtSecret="
        + (jwtSecret == null ? "none" : "(set)")
        + ", jwtPublicKeys="
        + jwtPublicKeys
        + ", jwtPolicy="
        + jwtPolicy
        + ", apiKeys="
        + apiKeys.size()
        + ", clientIdentities="
        + clientIdentities.size()
        + ", allowedOrigins="
        + allowedOrigins
        + ", devSecretFile="
        + devSecretFile
        + "]";
  }
}
