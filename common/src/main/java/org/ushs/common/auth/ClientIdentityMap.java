package org.ushs.common.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate mapping file {@code {"identities":[{"san":..,"id":..,"eventTypes":[..],
 * "services":[..],"publish":b}]}} and the exact-match look-up of a certificate's SANs in it. Pure;
 * failures are {@link IllegalArgumentException} saying what is wrong.
 */
public final class ClientIdentityMap {

  private ClientIdentityMap() {}

  public static List<ClientIdentity> parse(String content) {
    JsonArray list;
    try {
      if (!(new JsonObject(content).getValue("identities") instanceof JsonArray array)) {
        throw new IllegalArgumentException("needs an \"identities\" array");
      }
      list = array;
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    List<ClientIdentity> identities = new ArrayList<>();
    Set<String> sans = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "identities[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject entry)) {
        throw new IllegalArgumentException(where + " is not an object");
      }
      String san = text(entry, "san", where);
      if (!sans.add(san)) {
        throw new IllegalArgumentException(where + ": duplicate san " + san);
      }
      String id = text(entry, "id", where);
      try {
        identities.add(new ClientIdentity(san, id, Permissions.fromJson(entry)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return identities;
  }

  private static String text(JsonObject entry, String name, String where) {
    if (!(entry.getValue(name) instanceof String value) || value.isBlank()) {
      throw new IllegalArgumentException(where + ": " + name + " required (a non-empty string)");
    }
    return value;
  }

  /**
   * The identity of a certificate with {@code sans}: the one entry whose {@code san} equals one of
   * them exactly. Empty when none does.
   *
   * @throws AuthFailure when the SANs match more than one identity
   */
  public static Optional<ClientIdentity> lookup(
      List<ClientIdentity> identities, Collection<String> sans) {
    List<ClientIdentity> matches =
        identities.stream().filter(identity -> sans.contains(identity.san())).toList();
    if (matches.size() > 1) {
      throw new AuthFailure(
          AuthFailure.Kind.INVALID, "certificate matches several identities", String.valueOf(sans));
    }
    return matches.stream().findFirst();
  }
}
