package org.ushs.client.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ushs.protocol.EventCatalog;
import org.ushs.protocol.EventFamily;
import org.ushs.protocol.FieldSpec;

/**
 * The SDK's event records hold exactly the {@code data} fields {@link EventCatalog} declares for
 * their family (its own and its types'), with Java types that can hold the catalog's JSON types.
 */
class EventRecordsCatalogTest {

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of("error", ErrorDetected.class),
        Arguments.of("session", SessionEvent.class),
        Arguments.of("patch", PatchEvent.class),
        Arguments.of("deployment", DeploymentEvent.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void recordsMatchTheCatalog(String familyName, Class<? extends Record> record) {
    EventFamily family = EventCatalog.family(familyName).orElseThrow();
    List<FieldSpec> fields = new ArrayList<>(family.required());
    family.types().forEach(type -> fields.addAll(type.required()));
    List<String> names = fields.stream().map(FieldSpec::name).distinct().sorted().toList();
    RecordComponent[] components = record.getRecordComponents();
    assertEquals(
        names,
        Arrays.stream(components).map(RecordComponent::getName).sorted().toList(),
        familyName);
    for (RecordComponent component : components) {
      FieldSpec field =
          fields.stream().filter(f -> f.name().equals(component.getName())).findFirst().get();
      assertTrue(
          holds(component.getType(), field),
          record.getSimpleName() + "." + field.name() + " cannot hold " + field.kind());
    }
  }

  private static boolean holds(Class<?> type, FieldSpec field) {
    return switch (field.kind()) {
      case STRING -> type == String.class;
      case NUMBER -> type == Double.class;
      case INTEGER -> type == Integer.class || type == Long.class;
      case OBJECT -> type == Map.class;
    };
  }
}
