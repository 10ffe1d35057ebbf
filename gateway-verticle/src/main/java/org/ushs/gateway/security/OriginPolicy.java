package org.ushs.gateway.security;

import java.util.List;
import org.ushs.common.auth.Origins;

/**
 * The {@code Origin} check against cross-site WebSocket hijacking. With no allowed origins
 * configured every handshake passes. Otherwise a handshake that carries an {@code Origin} (every
 * browser does) passes only if it is one of the allowed origins, compared in normal form; one
 * without an {@code Origin} is not from a browser and passes. Pure.
 */
public record OriginPolicy(List<String> allowed) {

  public OriginPolicy {
    allowed = List.copyOf(allowed);
  }

  public boolean allows(String origin) {
    if (allowed.isEmpty() || origin == null) {
      return true;
    }
    return Origins.normalize(origin).map(allowed::contains).orElse(false);
  }
}
