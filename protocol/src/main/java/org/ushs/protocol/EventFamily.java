package org.ushs.protocol;

import java.util.List;

/**
 * An event family (category): the middle part of a type {@code org.ushs.<family>.<name>}, the
 * {@code data} fields every type of it requires, and the types that require more.
 */
public record EventFamily(String name, List<FieldSpec> required, List<EventType> types) {

  public EventFamily {
    required = List.copyOf(required);
    types = List.copyOf(types);
  }
}
