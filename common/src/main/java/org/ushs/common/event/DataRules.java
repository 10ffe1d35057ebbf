package org.ushs.common.event;

import java.util.List;
import java.util.Set;
import org.ushs.protocol.EventCatalog;
import org.ushs.protocol.FieldSpec;

/**
 * The {@code data} fields the protocol shows, per category (for every type of it) and per full type
 * (in addition), as {@link EventCatalog} declares them. Other fields are allowed and kept as sent.
 */
final class DataRules {

  static final Set<String> SEVERITIES = Set.copyOf(EventCatalog.SEVERITIES);

  private DataRules() {}

  /** Every required field for {@code type} of {@code category}. */
  static List<FieldSpec> forType(Category category, String type) {
    return EventCatalog.requiredFields(category.wireName(), type);
  }
}
