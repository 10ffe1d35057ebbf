package org.ushs.gateway.subscription;

import java.util.List;
import org.ushs.common.auth.Permissions;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ProtocolError;

/**
 * What one connection may subscribe to: at most {@code maxSubscriptions} subscriptions ({@code
 * USHS_MAX_SUBSCRIPTIONS}) and {@code maxSelectors} event-type names over all of them ({@code
 * USHS_MAX_SELECTORS}), and only what its permissions allow. A refusal is a 4004 error naming the
 * limit; the connection stays open and nothing is kept of the refused command.
 */
public record SubscriptionLimits(int maxSubscriptions, int maxSelectors) {

  /** Refuses a subscribe that would leave {@code subscriptions} and {@code selectors}. */
  public void check(int subscriptions, int selectors) {
    if (subscriptions > maxSubscriptions) {
      throw refused("subscription limit: " + maxSubscriptions + " per connection");
    }
    if (selectors > maxSelectors) {
      throw refused("selector limit: " + maxSelectors + " event types per connection");
    }
  }

  /** An explicit forbidden type is refused; {@code *} narrows silently to what is permitted. */
  public static void checkPermitted(Permissions permissions, List<Selector> selectors) {
    for (Selector selector : selectors) {
      boolean wildcard = selector.name().equals("*");
      if (!wildcard && !selector.categories().stream().allMatch(permissions::allows)) {
        throw new ProtocolError(
            ErrorCode.UNAUTHORIZED, "eventTypes", "not permitted: " + selector.name());
      }
    }
  }

  private static ProtocolError refused(String why) {
    return new ProtocolError(ErrorCode.INVALID_SUBSCRIPTION, "eventTypes", why);
  }
}
