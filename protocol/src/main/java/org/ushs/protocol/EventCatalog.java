package org.ushs.protocol;

import static org.ushs.protocol.FieldSpec.integer;
import static org.ushs.protocol.FieldSpec.number;
import static org.ushs.protocol.FieldSpec.object;
import static org.ushs.protocol.FieldSpec.oneOf;
import static org.ushs.protocol.FieldSpec.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one declaration of the USHS event vocabulary: families, the types with their own required
 * {@code data} fields, severities and filter keys. Ingest's validator, the gateway's command
 * parser, the SDK's event records and {@code docs/asyncapi.yaml} come from it or are checked
 * against it by tests. Immutable.
 */
public final class EventCatalog {

  /** Every type is {@code org.ushs.<family>.<name>}. */
  public static final String TYPE_PREFIX = "org.ushs.";

  /** Event severities, most severe first. */
  public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

  /** The filter keys a subscription may carry. */
  public static final List<String> FILTER_KEYS = List.of("service", "severity", "session");

  /**
   * Fields typed wherever they occur in {@code data}, required or not: they feed filters ({@code
   * severity}, {@code sessionId} copied into the {@code severity} and {@code sessionid}
   * attributes).
   */
  public static final List<FieldSpec> TYPED_WHEREVER =
      List.of(oneOf("severity", SEVERITIES), string("sessionId"));

  /** The five families, in the order the protocol lists them. */
  public static final List<EventFamily> FAMILIES =
      List.of(
          new EventFamily(
              "error",
              List.of(),
              List.of(
                  new EventType(
                      "org.ushs.error.detected",
                      List.of(
                          string("errorId"),
                          oneOf("severity", SEVERITIES),
                          string("service"),
                          string("summary"))))),
          new EventFamily(
              "session",
              List.of(string("sessionId")),
              List.of(
                  new EventType(
                      "org.ushs.session.phaseCompleted",
                      List.of(
                          string("phase"),
                          string("status"),
                          integer("duration", 0),
                          string("nextPhase"))))),
          new EventFamily(
              "patch",
              List.of(string("patchId"), string("sessionId")),
              List.of(
                  new EventType(
                      "org.ushs.patch.generated",
                      List.of(
                          number("confidence", 0, 1),
                          integer("changeCount", 0),
                          string("estimatedImpact"))))),
          new EventFamily(
              "deployment",
              List.of(string("deploymentId"), string("patchId")),
              List.of(
                  new EventType(
                      "org.ushs.deployment.progress",
                      List.of(
                          string("strategy"),
                          number("progress", 0, 100),
                          string("currentPhase"),
                          object("metrics"))))),
          new EventFamily("health", List.of(), List.of()));

  private EventCatalog() {}

  /** The family names, in order. */
  public static List<String> familyNames() {
    return FAMILIES.stream().map(EventFamily::name).toList();
  }

  /** The family named {@code name}. */
  public static Optional<EventFamily> family(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every full type with its own required fields. */
  public static List<EventType> types() {
    return FAMILIES.stream().flatMap(f -> f.types().stream()).toList();
  }

  /** Every field required of {@code type} of {@code family}: the family's, then the type's. */
  public static List<FieldSpec> requiredFields(String family, String type) {
    EventFamily found = family(family).orElseThrow();
    List<FieldSpec> ofType = REQUIRED.get(found.name() + "/" + type);
    return ofType != null ? ofType : found.required();
  }

  // looked up on every published event: built once
  private static final Map<String, EventFamily> BY_NAME = byName();
  private static final Map<String, List<FieldSpec>> REQUIRED = requiredByType();

  private static Map<String, EventFamily> byName() {
    Map<String, EventFamily> byName = new HashMap<>();
    FAMILIES.forEach(f -> byName.put(f.name(), f));
    return Map.copyOf(byName);
  }

  private static Map<String, List<FieldSpec>> requiredByType() {
    Map<String, List<FieldSpec>> required = new HashMap<>();
    for (EventFamily family : FAMILIES) {
      for (EventType type : family.types()) {
        List<FieldSpec> fields =
            required.computeIfAbsent(
                family.name() + "/" + type.type(), k -> new ArrayList<>(family.required()));
        fields.addAll(type.required());
      }
    }
    required.replaceAll((key, fields) -> List.copyOf(fields));
    return Map.copyOf(required);
  }
}
