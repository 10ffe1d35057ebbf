package org.ushs.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ushs.protocol.EventCatalog;
import org.ushs.protocol.EventFamily;
import org.ushs.protocol.EventType;
import org.ushs.protocol.FieldSpec;

/**
 * docs/asyncapi.yaml says what {@link EventCatalog} (which ingest enforces) says: families, the
 * data fields each family and type requires, their JSON types and ranges, severities and filter
 * keys. So the document cannot again mark optional what ingest requires.
 */
class AsyncApiCatalogTest {

  private static JsonNode schemas;

  @BeforeAll
  static void read() throws IOException {
    JsonNode doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("..", "docs", "asyncapi.yaml").toFile());
    schemas = doc.at("/components/schemas");
  }

  static List<String> families() {
    return EventCatalog.familyNames();
  }

  @Test
  void categoriesSeveritiesAndFilterKeysAreTheCatalogs() {
    assertEquals(
        EventCatalog.familyNames(),
        Arrays.stream(Category.values()).map(Category::wireName).toList());
    String pattern = schemas.at("/cloudEvent/properties/type/pattern").asText();
    assertTrue(pattern.contains("(" + String.join("|", EventCatalog.familyNames()) + ")"), pattern);
    assertEquals(EventCatalog.SEVERITIES, strings(schemas.at("/severity/enum")));
    List<String> filterKeys = new ArrayList<>();
    schemas
        .at("/subscribe/properties/filters/properties")
        .fieldNames()
        .forEachRemaining(filterKeys::add);
    assertEquals(EventCatalog.FILTER_KEYS, filterKeys);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void eachFamilysSchemaRequiresWhatIngestRequires(String name) {
    EventFamily family = EventCatalog.family(name).orElseThrow();
    JsonNode parts = schemas.at("/" + name + "Event/allOf");
    assertFalse(parts.isMissingNode(), name + "Event");
    JsonNode own = parts.get(1);
    JsonNode data = own.at("/properties/data");
    String onlyType = own.at("/properties/type/const").asText(null);
    Map<String, Set<String>> conditional = conditionalRequired(parts);
    List<FieldSpec> all = new ArrayList<>(family.required());
    if (onlyType != null) {
      all = EventCatalog.requiredFields(name, onlyType);
      assertEquals(names(all), new TreeSet<>(strings(data.get("required"))), name + " required");
    } else {
      assertEquals(names(family.required()), new TreeSet<>(strings(data.path("required"))));
      Map<String, Set<String>> expected = new HashMap<>();
      for (EventType type : family.types()) {
        expected.put(type.type(), names(type.required()));
        all.addAll(type.required());
      }
      assertEquals(expected, conditional, name + ": per-type required fields");
    }
    all.forEach(field -> assertTyped(name, data.at("/properties/" + field.name()), field));
  }

  private static void assertTyped(String family, JsonNode property, FieldSpec field) {
    String where = family + " data." + field.name();
    assertFalse(property.isMissingNode(), where + " is not documented");
    if (!field.allowed().isEmpty()) {
      assertEquals("#/components/schemas/severity", property.path("$ref").asText(), where);
      assertEquals(EventCatalog.SEVERITIES, field.allowed(), where);
      return;
    }
    assertEquals(field.kind().jsonType, property.path("type").asText(), where + " type");
    switch (field.kind()) {
      case STRING -> assertEquals(1, property.path("minLength").asInt(), where + " minLength");
      case NUMBER, INTEGER -> {
        assertEquals(field.min(), property.path("minimum").asDouble(), where + " minimum");
        if (field.hasMax()) {
          assertEquals(field.max(), property.path("maximum").asDouble(), where + " maximum");
        } else {
          assertTrue(property.path("maximum").isMissingNode(), where + " has no maximum");
        }
      }
      case OBJECT -> {}
    }
  }

  /** type -> data.required of each {@code if: type const, then: data.required} part. */
  private static Map<String, Set<String>> conditionalRequired(JsonNode parts) {
    Map<String, Set<String>> found = new HashMap<>();
    for (JsonNode part : parts) {
      if (part.has("if")) {
        found.put(
            part.at("/if/properties/type/const").asText(),
            new TreeSet<>(strings(part.at("/then/properties/data/required"))));
      }
    }
    return found;
  }

  private static Set<String> names(List<FieldSpec> fields) {
    Set<String> names = new TreeSet<>();
    fields.forEach(field -> names.add(field.name()));
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
