package org.ushs.common.config;

import java.util.Locale;

/** What a node runs; a node may run several. */
public enum Role {
  GATEWAY,
  INGEST,
  REPLAY;

  static Role parse(String name) {
    for (Role role : values()) {
      if (role.name().equals(name.toUpperCase(Locale.ROOT))) {
        return role;
      }
    }
    throw new ConfigException("USHS_ROLES", "unknown role " + name + " (gateway, ingest, replay)");
  }
}
