package org.ushs.protocol;

import java.util.List;

/** A full event type with {@code data} fields required beyond its family's. */
public record EventType(String type, List<FieldSpec> required) {

  public EventType {
    required = List.copyOf(required);
  }
}
