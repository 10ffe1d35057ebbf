package org.ushs.common.config;

/**
 * Credentials the node accepts. A null {@code jwtSecret} means dev mode: the node makes a random
 * secret for the run and prints tokens, and never runs open.
 */
public record AuthSettings(String jwtSecret) {

  public boolean devMode() {
    return jwtSecret == null;
  }
}
