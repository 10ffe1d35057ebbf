package org.ushs.common.event;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ushs.protocol.EventCatalog;
import org.ushs.protocol.FieldSpec;

/**
 * Checks a structured-mode CloudEvent against CloudEvents 1.0 and the USHS types: required
 * attributes, the type's form and category, and the {@code data} fields the protocol shows for the
 * type. Pure and thread-safe.
 */
public final class EventValidator {

  private static final int MAX_ATTRIBUTE_NAME = 20;

  private static final Set<String> STRING_ATTRIBUTES =
      Set.of("source", "subject", "dataschema", "datacontenttype", "service", "sessionid");

  private EventValidator() {}

  /** Every problem of {@code event}; empty when it is valid. */
  public static List<Problem> validate(JsonObject event) {
    List<Problem> problems = new ArrayList<>();
    checkAttributes(event, problems);
    Optional<Category> category = checkType(event.getValue("type"), problems);
    checkTime(event.getValue("time"), problems);
    checkData(event, category, problems);
    return problems;
  }

  private static void checkAttributes(JsonObject event, List<Problem> problems) {
    if (!"1.0".equals(event.getValue("specversion"))) {
      problems.add(new Problem("specversion", "must be \"1.0\""));
    }
    for (String required : List.of("id", "source")) {
      if (!(event.getValue(required) instanceof String text) || text.isEmpty()) {
        problems.add(new Problem(required, "required: a non-empty string"));
      }
    }
    for (Map.Entry<String, Object> attribute : event.getMap().entrySet()) {
      String name = attribute.getKey();
      if (name.equals("data")) {
        // data is checked against the type's rules below
      } else if (name.equals("data_base64")) {
        problems.add(new Problem(name, "not supported: data must be JSON"));
      } else if (!isAttributeName(name)) {
        problems.add(new Problem(name, "not a CloudEvents attribute name (a-z, 0-9, at most 20)"));
      } else if (name.equals("sequence")) {
        problems.add(new Problem(name, "reserved: the gateway sets it"));
      } else if (STRING_ATTRIBUTES.contains(name) && !(attribute.getValue() instanceof String)) {
        problems.add(new Problem(name, "must be a string"));
      }
    }
    Object severity = event.getValue("severity");
    if (severity != null && !DataRules.SEVERITIES.contains(severity)) {
      problems.add(new Problem("severity", "must be one of critical, high, low, medium"));
    }
    Object contentType = event.getValue("datacontenttype");
    if (contentType instanceof String type && !isJson(type)) {
      problems.add(new Problem("datacontenttype", "must be application/json"));
    }
  }

  /** {@code [a-z0-9]{1,20}}, without a regular expression: it runs for every attribute. */
  private static boolean isAttributeName(String name) {
    if (name.isEmpty() || name.length() > MAX_ATTRIBUTE_NAME) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static Optional<Category> checkType(Object type, List<Problem> problems) {
    if (!(type instanceof String text)) {
      problems.add(new Problem("type", "required: a string"));
      return Optional.empty();
    }
    Optional<Category> category = Category.ofType(text);
    if (category.isEmpty()) {
      problems.add(
          new Problem(
              "type",
              "must be org.ushs.<category>.<name> with category error, session, patch,"
                  + " deployment or health"));
    }
    return category;
  }

  private static void checkTime(Object time, List<Problem> problems) {
    if (time == null) {
      return;
    }
    if (!(time instanceof String text) || Timestamps.parse(text) == null) {
      problems.add(new Problem("time", "must be an RFC 3339 timestamp"));
    }
  }

  private static void checkData(
      JsonObject event, Optional<Category> category, List<Problem> problems) {
    Object data = event.getValue("data");
    if (category.isEmpty()) {
      return;
    }
    List<FieldSpec> fields = DataRules.forType(category.get(), event.getString("type"));
    if (data == null && fields.isEmpty()) {
      return;
    }
    if (!(data instanceof JsonObject object)) {
      problems.add(new Problem("data", "must be a JSON object"));
      return;
    }
    for (FieldSpec field : fields) {
      String error = DataField.check(field, object);
      if (error != null) {
        problems.add(new Problem("data." + field.name(), error));
      }
    }
    checkOptionalKeys(object, fields, problems);
  }

  /** {@code severity} and {@code sessionId} feed filters, so they are typed wherever they occur. */
  private static void checkOptionalKeys(
      JsonObject data, List<FieldSpec> required, List<Problem> problems) {
    for (FieldSpec key : EventCatalog.TYPED_WHEREVER) {
      boolean checked = required.stream().anyMatch(f -> f.name().equals(key.name()));
      if (!checked && data.containsKey(key.name())) {
        String error = DataField.check(key, data);
        if (error != null) {
          problems.add(new Problem("data." + key.name(), error));
        }
      }
    }
  }
}
