package org.ushs.gateway.subscription;

import java.util.Set;
import org.ushs.common.event.EventKeys;

/**
 * Narrows a subscription by service, severity and session. Each part is null when absent, and a
 * part restricts only events that carry its field: a severity filter does not hide session events.
 */
public record Filter(Set<String> services, Set<String> severities, String sessionId) {

  public static final Filter NONE = new Filter(null, null, null);

  public Filter {
    services = services == null ? null : Set.copyOf(services);
    severities = severities == null ? null : Set.copyOf(severities);
  }

  public boolean matches(EventKeys keys) {
    return allows(services, keys.service())
        && allows(severities, keys.severity())
        && (sessionId == null || keys.sessionId() == null || sessionId.equals(keys.sessionId()));
  }

  private static boolean allows(Set<String> wanted, String value) {
    return wanted == null || value == null || wanted.contains(value);
  }
}
