package org.ushs.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog's and the code table's own invariants. */
class CatalogAndCodesTest {

  @Test
  void familiesAreTheFiveOfTheProtocol() {
    assertEquals(
        List.of("error", "session", "patch", "deployment", "health"), EventCatalog.familyNames());
  }

  @Test
  void everyTypeIsOfItsFamilyAndNoFieldIsDeclaredTwice() {
    for (EventFamily family : EventCatalog.FAMILIES) {
      for (EventType type : family.types()) {
        assertTrue(type.type().startsWith(EventCatalog.TYPE_PREFIX + family.name() + "."));
        List<FieldSpec> fields = EventCatalog.requiredFields(family.name(), type.type());
        Set<String> names = new HashSet<>();
        fields.forEach(field -> assertTrue(names.add(field.name()), field.name()));
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          patch      | org.ushs.patch.generated        | patchId,sessionId,confidence,changeCount,estimatedImpact
          patch      | org.ushs.patch.applied          | patchId,sessionId
          health     | org.ushs.health.node.up         | ''
          error      | org.ushs.error.detected         | errorId,severity,service,summary
          """)
  void requiredFieldsAreTheFamilysThenTheTypes(String family, String type, String expected) {
    List<String> names =
        EventCatalog.requiredFields(family, type).stream().map(FieldSpec::name).toList();
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), names);
  }

  @Test
  void closeCodesAreUniqueAndFoundByNumber() {
    Set<Integer> numbers = new HashSet<>();
    for (CloseCode code : CloseCode.values()) {
      assertTrue(numbers.add(code.code), "twice: " + code.code);
      assertEquals(code, CloseCode.of(code.code).orElseThrow());
    }
    assertTrue(CloseCode.of(4999).isEmpty());
    assertEquals(
        List.of(1001, 1013, 4003, 4005, 4006),
        Arrays.stream(CloseCode.values())
            .filter(code -> code.advice.reconnects())
            .map(code -> code.code)
            .toList());
  }
}
