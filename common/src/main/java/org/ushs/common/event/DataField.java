package org.ushs.common.event;

import io.vertx.core.json.JsonObject;
import org.ushs.protocol.FieldSpec;

/** Checks a typed field of an event's {@code data} against its {@link FieldSpec} (the catalog). */
final class DataField {

  private DataField() {}

  /** Why {@code data.<name>} is wrong, or null when it is right. */
  static String check(FieldSpec field, JsonObject data) {
    Object value = data.getValue(field.name());
    if (value == null) {
      return "required";
    }
    return switch (field.kind()) {
      case STRING -> checkString(field, value);
      case NUMBER -> checkNumber(field, value, false);
      case INTEGER -> checkNumber(field, value, true);
      case OBJECT -> value instanceof JsonObject ? null : "must be an object";
    };
  }

  private static String checkString(FieldSpec field, Object value) {
    if (!(value instanceof String text) || text.isEmpty()) {
      return "must be a non-empty string";
    }
    if (!field.allowed().isEmpty() && !field.allowed().contains(text)) {
      return "must be one of " + String.join(", ", field.allowed().stream().sorted().toList());
    }
    return null;
  }

  private static String checkNumber(FieldSpec field, Object value, boolean whole) {
    if (!(value instanceof Number number)) {
      return whole ? "must be an integer" : "must be a number";
    }
    double d = number.doubleValue();
    if (whole && (d != Math.rint(d) || Double.isInfinite(d))) {
      return "must be an integer";
    }
    if (d < field.min() || d > field.max()) {
      return "must be between " + format(field.min()) + " and " + format(field.max());
    }
    return null;
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
