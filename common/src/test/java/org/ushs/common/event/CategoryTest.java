package org.ushs.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "org.ushs.error.detected, ERROR",
    "org.ushs.session.started, SESSION",
    "org.ushs.patch.v2.Generated, PATCH",
    "org.ushs.deployment.a, DEPLOYMENT",
    "org.ushs.health.check.9, HEALTH",
    "org.ushs.error..., ERROR"
  })
  void aTypeOfTheFormNamesItsCategory(String type, Category expected) {
    assertEquals(Optional.of(expected), Category.ofType(type));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "org.ushs.",
        "org.ushs.error",
        "org.ushs.error.",
        "org.ushs..detected",
        "org.ushs.Error.detected",
        "org.ushs.unknown.detected",
        "org.ushs.error.de-tected",
        "org.ushs.error.dé",
        "org.ushs.error.a b",
        "com.ushs.error.detected",
        "xorg.ushs.error.detected"
      })
  void anythingElseHasNone(String type) {
    assertEquals(Optional.empty(), Category.ofType(type));
  }

  @Test
  void noTypeHasNone() {
    assertEquals(Optional.empty(), Category.ofType(null));
  }

  @Test
  void wireNamesAreLowerCaseAndFoundAgain() {
    for (Category category : Category.values()) {
      assertEquals(category.name().toLowerCase(java.util.Locale.ROOT), category.wireName());
      assertEquals(Optional.of(category), Category.fromName(category.wireName()));
    }
    assertEquals(Optional.empty(), Category.fromName("ERROR"));
  }
}
