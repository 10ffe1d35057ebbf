package org.ushs.gateway.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;

/**
 * {@link Filter}: CONTRACT.md section 5. A filter on a field restricts only events that carry that
 * field.
 */
class FilterTest {

  /** A cell: {@code -} for absent, else a value or space-separated values. */
  private static Set<String> set(String cell) {
    return cell.equals("-") ? null : Arrays.stream(cell.split(" ")).collect(Collectors.toSet());
  }

  private static String value(String cell) {
    return cell.equals("-") ? null : cell;
  }

  /**
   * Columns: filter services, severities, session; the event's category, service, severity,
   * session; whether it matches.
   */
  @ParameterizedTest(name = "[{0}|{1}|{2}] vs {3} {4} {5} {6} -> {7}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -           | -             | -   | error   | api | high     | -   | true
          api         | -             | -   | error   | api | high     | -   | true
          api         | -             | -   | error   | web | high     | -   | false
          api web     | -             | -   | error   | web | high     | -   | true
          api web     | -             | -   | error   | db  | high     | -   | false
          api         | -             | -   | session | -   | -        | s-1 | true
          -           | critical high | -   | error   | api | high     | -   | true
          -           | critical high | -   | error   | api | low      | -   | false
          -           | critical      | -   | session | -   | -        | s-1 | true
          -           | critical      | -   | health  | n1  | -        | -   | true
          -           | -             | s-1 | session | -   | -        | s-1 | true
          -           | -             | s-1 | session | -   | -        | s-2 | false
          -           | -             | s-1 | error   | api | critical | -   | true
          -           | -             | s-1 | patch   | -   | -        | S-1 | false
          api         | high          | s-1 | error   | api | high     | s-1 | true
          api         | high          | s-1 | error   | web | high     | s-1 | false
          api         | high          | s-1 | error   | api | low      | s-1 | false
          api         | high          | s-1 | error   | api | high     | s-2 | false
          api         | high          | s-1 | session | -   | -        | -   | true
          """)
  void filterRestrictsOnlyEventsCarryingItsField(
      String services,
      String severities,
      String session,
      String category,
      String service,
      String severity,
      String sessionId,
      boolean matches) {
    Filter filter = new Filter(set(services), set(severities), value(session));
    EventKeys keys =
        new EventKeys(
            "id",
            "/src",
            "org.ushs." + category + ".x",
            Category.fromName(category).orElseThrow(),
            value(service),
            value(severity),
            value(sessionId));
    assertEquals(matches, filter.matches(keys));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"error", "session", "patch", "deployment", "health"})
  void noFilterMatchesEverything(String category) {
    EventKeys keys =
        new EventKeys(
            "id",
            "/src",
            "org.ushs." + category + ".x",
            Category.fromName(category).orElseThrow(),
            "api",
            "low",
            "s-1");
    assertTrue(Filter.NONE.matches(keys));
  }
}
