package org.ushs.common.event;

import static org.ushs.common.event.DataField.integer;
import static org.ushs.common.event.DataField.number;
import static org.ushs.common.event.DataField.object;
import static org.ushs.common.event.DataField.oneOf;
import static org.ushs.common.event.DataField.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code data} fields the protocol shows, per category (for every type of it) and per full type
 * (in addition). Other fields are allowed and kept as sent.
 */
final class DataRules {

  static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low");

  private static final double MAX = Double.MAX_VALUE;

  private static final Map<Category, List<DataField>> BY_CATEGORY =
      Map.of(
          Category.ERROR, List.of(),
          Category.SESSION, List.of(string("sessionId")),
          Category.PATCH, List.of(string("patchId"), string("sessionId")),
          Category.DEPLOYMENT, List.of(string("deploymentId"), string("patchId")),
          Category.HEALTH, List.of());

  private static final Map<String, List<DataField>> BY_TYPE =
      Map.of(
          "org.ushs.error.detected",
          List.of(
              string("errorId"),
              oneOf("severity", SEVERITIES),
              string("service"),
              string("summary")),
          "org.ushs.session.phaseCompleted",
          List.of(
              string("phase"), string("status"), integer("duration", 0, MAX), string("nextPhase")),
          "org.ushs.patch.generated",
          List.of(
              number("confidence", 0, 1),
              integer("changeCount", 0, MAX),
              string("estimatedImpact")),
          "org.ushs.deployment.progress",
          List.of(
              string("strategy"),
              number("progress", 0, 100),
              string("currentPhase"),
              object("metrics")));

  private DataRules() {}

  /** Every required field for {@code type} of {@code category}. */
  static List<DataField> forType(Category category, String type) {
    List<DataField> fields = new ArrayList<>(BY_CATEGORY.get(category));
    fields.addAll(BY_TYPE.getOrDefault(type, List.of()));
    return fields;
  }
}
