package org.ushs.gateway.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.Category;

/** {@link Selector}: {@code *}, a category, or a full type; anything else is unknown. */
class SelectorTest {

  private static Set<Category> categories(String cell) {
    return cell.equals("*")
        ? EnumSet.allOf(Category.class)
        : Arrays.stream(cell.split(" "))
            .map(name -> Category.fromName(name).orElseThrow())
            .collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "*, *, -",
    "error, error, -",
    "session, session, -",
    "patch, patch, -",
    "deployment, deployment, -",
    "health, health, -",
    "org.ushs.error.detected, error, org.ushs.error.detected",
    "org.ushs.deployment.progress, deployment, org.ushs.deployment.progress",
    "org.ushs.health.node.up, health, org.ushs.health.node.up",
  })
  void knownNames(String name, String spans, String type) {
    Selector expected = new Selector(name, categories(spans), type.equals("-") ? null : type);
    assertEquals(Optional.of(expected), Selector.parse(name));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({
    "''",
    "errors",
    "Error",
    "ERROR",
    "**",
    "org.ushs.error",
    "org.ushs.metrics.cpu",
    "org.ushs.error.*",
    "com.example.error.detected",
    "error.detected",
    "all",
  })
  void unknownNames(String name) {
    assertEquals(Optional.empty(), Selector.parse(name));
  }

  @ParameterizedTest(name = "{0} matches {1} {2}: {3}")
  @CsvSource({
    "*, health, org.ushs.health.x, true",
    "error, error, org.ushs.error.detected, true",
    "error, session, org.ushs.session.started, false",
    "org.ushs.error.detected, error, org.ushs.error.detected, true",
    "org.ushs.error.detected, error, org.ushs.error.resolved, false",
    "org.ushs.error.detected, session, org.ushs.error.detected, false",
  })
  void matches(String name, String category, String type, boolean matches) {
    Selector selector = Selector.parse(name).orElseThrow();
    assertEquals(matches, selector.matches(Category.fromName(category).orElseThrow(), type));
  }
}
