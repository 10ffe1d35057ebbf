package org.ushs.common.event;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** A required, typed field of an event's {@code data}, as the protocol shows it for a type. */
record DataField(String name, Kind kind, double min, double max, Set<String> allowed) {

  enum Kind {
    STRING,
    NUMBER,
    INTEGER,
    OBJECT
  }

  static DataField string(String name) {
    return new DataField(name, Kind.STRING, 0, 0, Set.of());
  }

  static DataField oneOf(String name, Set<String> allowed) {
    return new DataField(name, Kind.STRING, 0, 0, allowed);
  }

  static DataField number(String name, double min, double max) {
    return new DataField(name, Kind.NUMBER, min, max, Set.of());
  }

  static DataField integer(String name, double min, double max) {
    return new DataField(name, Kind.INTEGER, min, max, Set.of());
  }

  static DataField object(String name) {
    return new DataField(name, Kind.OBJECT, 0, 0, Set.of());
  }

  /** Why {@code data.<name>} is wrong, or null when it is right. */
  String check(JsonObject data) {
    Object value = data.getValue(name);
    if (value == null) {
      return "required";
    }
    return switch (kind) {
      case STRING -> checkString(value);
      case NUMBER -> checkNumber(value, false);
      case INTEGER -> checkNumber(value, true);
      case OBJECT -> value instanceof JsonObject ? null : "must be an object";
    };
  }

  private String checkString(Object value) {
    if (!(value instanceof String text) || text.isEmpty()) {
      return "must be a non-empty string";
    }
    if (!allowed.isEmpty() && !allowed.contains(text)) {
      return "must be one of " + String.join(", ", allowed.stream().sorted().toList());
    }
    return null;
  }

  private String checkNumber(Object value, boolean whole) {
    if (!(value instanceof Number number)) {
      return whole ? "must be an integer" : "must be a number";
    }
    double d = number.doubleValue();
    if (whole && (d != Math.rint(d) || Double.isInfinite(d))) {
      return "must be an integer";
    }
    if (d < min || d > max) {
      return "must be between " + format(min) + " and " + format(max);
    }
    return null;
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
