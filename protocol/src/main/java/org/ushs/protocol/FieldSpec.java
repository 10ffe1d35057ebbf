package org.ushs.protocol;

import java.util.List;

/**
 * One typed field of an event's {@code data}: its name, JSON type, inclusive range for numbers
 * ({@code min}/{@code max}; unbounded sides are {@code ±Double.MAX_VALUE}) and, for strings, the
 * allowed values (empty: any non-empty string).
 */
public record FieldSpec(String name, FieldKind kind, double min, double max, List<String> allowed) {

  private static final double MAX = Double.MAX_VALUE;

  public FieldSpec {
    allowed = List.copyOf(allowed);
  }

  /** A non-empty string. */
  public static FieldSpec string(String name) {
    return new FieldSpec(name, FieldKind.STRING, 0, 0, List.of());
  }

  /** One of {@code allowed}. */
  public static FieldSpec oneOf(String name, List<String> allowed) {
    return new FieldSpec(name, FieldKind.STRING, 0, 0, allowed);
  }

  /** A number in {@code [min, max]}. */
  public static FieldSpec number(String name, double min, double max) {
    return new FieldSpec(name, FieldKind.NUMBER, min, max, List.of());
  }

  /** A whole number, at least {@code min}. */
  public static FieldSpec integer(String name, double min) {
    return new FieldSpec(name, FieldKind.INTEGER, min, MAX, List.of());
  }

  /** A JSON object. */
  public static FieldSpec object(String name) {
    return new FieldSpec(name, FieldKind.OBJECT, 0, 0, List.of());
  }

  /** Whether the range has an upper bound. */
  public boolean hasMax() {
    return max != MAX;
  }
}
