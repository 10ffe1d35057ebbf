package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;

/** {@link Permissions}: the {@code ushs} claim form and what it lets a principal see. */
class PermissionsTest {

  private static Permissions read(String json) {
    return Permissions.fromJson(json == null ? null : new JsonObject(json.replace('\'', '"')));
  }

  private static EventKeys event(String category, String service) {
    String type = "org.ushs." + category + ".x";
    return new EventKeys(
        "id", "/src", type, Category.fromName(category).orElseThrow(), service, null, null);
  }

  @Test
  void absentClaimAndAbsentListsMeanAll() {
    assertEquals(new Permissions(null, null, false), read(null));
    assertEquals(new Permissions(null, null, false), read("{}"));
    assertEquals(new Permissions(null, null, true), read("{'publish':true}"));
    assertEquals(new Permissions(null, null, false), read("{'eventTypes':['*','error']}"));
  }

  @Test
  void listsAreRead() {
    Permissions p = read("{'eventTypes':['error','session'],'services':['api','web']}");
    assertEquals(EnumSet.of(Category.ERROR, Category.SESSION), p.eventTypes());
    assertEquals(Set.of("api", "web"), p.services());
    assertFalse(p.publish());
  }

  /** Columns: the claim, an event's category and service ({@code -} for none), allowed. */
  @ParameterizedTest(name = "{0} sees {1}/{2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {}                                      | error      | -    | true
          {}                                      | health     | api  | true
          {'eventTypes':['error']}                | error      | api  | true
          {'eventTypes':['error']}                | session    | api  | false
          {'eventTypes':['*']}                    | deployment | -    | true
          {'eventTypes':[]}                       | error      | -    | false
          {'services':['api']}                    | error      | api  | true
          {'services':['api']}                    | error      | web  | false
          {'services':['api']}                    | session    | -    | false
          {'services':[]}                         | error      | api  | false
          {'eventTypes':['error'],'services':['api']} | error  | api  | true
          {'eventTypes':['error'],'services':['api']} | patch  | api  | false
          {'eventTypes':['error'],'services':['api']} | error  | web  | false
          {'eventTypes':['error'],'services':['api']} | error  | -    | false
          """)
  void allowsEvent(String claim, String category, String service, boolean allowed) {
    Permissions permissions = read(claim);
    EventKeys keys = event(category, service.equals("-") ? null : service);
    assertEquals(allowed, permissions.allows(keys));
  }

  @ParameterizedTest(name = "{0} allows category {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {}                          | health  | true
          {'services':['api']}        | health  | true
          {'eventTypes':['patch']}    | patch   | true
          {'eventTypes':['patch']}    | error   | false
          """)
  void allowsCategory(String claim, String category, boolean allowed) {
    assertEquals(allowed, read(claim).allows(Category.fromName(category).orElseThrow()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {'publish':'yes'}              | publish must be a boolean
          {'publish':1}                  | publish must be a boolean
          {'eventTypes':'error'}         | permission lists must be arrays of strings
          {'eventTypes':[1]}             | permission lists must be arrays of strings
          {'eventTypes':['errors']}      | unknown event type errors
          {'eventTypes':['ERROR']}       | unknown event type ERROR
          {'eventTypes':['org.ushs.error.detected']} | unknown event type org.ushs.error.detected
          {'services':'api'}             | permission lists must be arrays of strings
          {'services':['api',null]}      | permission lists must be arrays of strings
          {'services':{'api':true}}      | permission lists must be arrays of strings
          """)
  void badShapeIsRefused(String claim, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(claim));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {'publish':false}
          {'publish':true,'eventTypes':['error','health'],'services':['api']}
          {'publish':false,'services':[]}
          """)
  void toJsonReadsBackTheSame(String claim) {
    Permissions permissions = read(claim);
    assertEquals(permissions, Permissions.fromJson(permissions.toJson()));
    assertNull(read("{}").toJson().getValue("eventTypes"));
  }
}
