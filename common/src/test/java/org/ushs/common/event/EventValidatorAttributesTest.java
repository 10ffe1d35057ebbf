package org.ushs.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ushs.common.event.ValidEvents.fields;
import static org.ushs.common.event.ValidEvents.list;
import static org.ushs.common.event.ValidEvents.with;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The CloudEvents attribute rules of {@link EventValidator}: CONTRACT.md section 2. */
class EventValidatorAttributesTest {

  static List<String> types() {
    return ValidEvents.types();
  }

  @ParameterizedTest
  @MethodSource("types")
  void validEventOfEveryRuleSetHasNoProblem(String type) {
    assertEquals(List.of(), EventValidator.validate(ValidEvents.of(type)));
  }

  @Test
  void emptyObjectNamesEveryRequiredAttribute() {
    assertEquals(
        List.of("specversion", "id", "source", "type"),
        fields(EventValidator.validate(new JsonObject())));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          specversion     | <absent>                      | specversion     | must be "1.0"
          specversion     | "0.3"                         | specversion     | must be "1.0"
          specversion     | 1.0                           | specversion     | must be "1.0"
          id              | <absent>                      | id              | required: a non-empty string
          id              | ""                            | id              | required: a non-empty string
          id              | 7                             | id              | required: a non-empty string
          source          | <absent>                      | source          | required: a non-empty string
          source          | ""                            | source          | required: a non-empty string
          type            | <absent>                      | type            | required: a string
          type            | 5                             | type            | required: a string
          sequence        | "5"                           | sequence        | reserved: the gateway sets it
          sequence        | 5                             | sequence        | reserved: the gateway sets it
          data_base64     | "AAAA"                        | data_base64     | not supported: data must be JSON
          Service         | "api"                         | Service         | not a CloudEvents attribute name (a-z, 0-9, at most 20)
          my-ext          | "x"                           | my-ext          | not a CloudEvents attribute name (a-z, 0-9, at most 20)
          my_ext          | "x"                           | my_ext          | not a CloudEvents attribute name (a-z, 0-9, at most 20)
          abcdefghij0123456789x | "x"                     | abcdefghij0123456789x | not a CloudEvents attribute name (a-z, 0-9, at most 20)
          service         | 5                             | service         | must be a string
          sessionid       | true                          | sessionid       | must be a string
          subject         | {}                            | subject         | must be a string
          dataschema      | 1                             | dataschema      | must be a string
          datacontenttype | 1                             | datacontenttype | must be a string
          datacontenttype | "text/plain"                  | datacontenttype | must be application/json
          datacontenttype | "application/xml"             | datacontenttype | must be application/json
          datacontenttype | "application/jsonx"           | datacontenttype | must be application/json
          severity        | "urgent"                      | severity        | must be one of critical, high, low, medium
          severity        | 3                             | severity        | must be one of critical, high, low, medium
          time            | "2024-01-15"                  | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30:00"         | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30Z"           | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15 23:30:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30:00+0100"    | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30:00+01:00:30" | time           | must be an RFC 3339 timestamp
          time            | "2024-13-15T23:30:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "2024-02-30T23:30:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "2023-02-29T23:30:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T24:00:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:60:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:59:60Z"        | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30:00+18:01"   | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30:00-19:00"   | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30:00+05:60"   | time            | must be an RFC 3339 timestamp
          time            | "2024-01-15T23:30:00.1234567890Z" | time        | must be an RFC 3339 timestamp
          time            | "2024-00-15T23:30:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "2024-01-00T23:30:00Z"        | time            | must be an RFC 3339 timestamp
          time            | "yesterday"                   | time            | must be an RFC 3339 timestamp
          time            | 1705361400                    | time            | must be an RFC 3339 timestamp
          """)
  void badAttributeIsNamed(String name, String value, String field, String error) {
    JsonObject event = with(ValidEvents.of("org.ushs.error.detected"), name, value);
    assertEquals(List.of(new Problem(field, error)), EventValidator.validate(event));
  }

  @ParameterizedTest(name = "type {0}")
  @CsvSource({
    "''",
    "detected",
    "com.example.error.detected",
    "org.ushs.metrics.cpu",
    "org.ushs.error",
    "org.ushs.error.",
    "org.ushs..detected",
    "org.ushs.Error.detected",
    "org.ushs.error.bad-name",
    "org.ushs.error.bad name",
    "org.ushs.*.detected",
    "org.ushs.healthy.up",
  })
  void typeOfWrongFormOrCategoryIsRefused(String type) {
    JsonObject event = ValidEvents.of("org.ushs.error.detected").put("type", type);
    assertEquals(
        List.of(
            new Problem(
                "type",
                "must be org.ushs.<category>.<name> with category error, session, patch,"
                    + " deployment or health")),
        EventValidator.validate(event));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          time            | "2024-01-15T23:30:00Z"
          time            | "2024-01-15T23:30:00.123456789+05:30"
          time            | "2024-01-15t23:30:00z"
          time            | "2024-01-15T23:30:00-08:00"
          time            | "2024-02-29T00:00:00.5+18:00"
          time            | "0001-12-31T23:59:59-18:00"
          time            | null
          datacontenttype | "application/json"
          datacontenttype | "Application/JSON; charset=utf-8"
          datacontenttype | "application/vnd.ushs+json"
          severity        | "critical"
          service         | "api-gateway"
          sessionid       | "s-1"
          subject         | "x"
          dataschema      | "https://ushs.example/schema"
          priority        | 5
          canary          | true
          abcdefghij0123456789 | "twenty chars"
          x9              | "x"
          """)
  void acceptedAttributeValue(String name, String value) {
    JsonObject event = with(ValidEvents.of("org.ushs.error.detected"), name, value);
    assertEquals(List.of(), EventValidator.validate(event));
  }

  @ParameterizedTest(name = "type {0}")
  @CsvSource({
    "org.ushs.error.detected, data",
    "org.ushs.session.started, data",
    "org.ushs.error.resolved, -",
    "org.ushs.health.node.up, -",
  })
  void dataMayBeLeftOutOnlyWhenTheTypeRequiresNoField(String type, String problems) {
    JsonObject event = ValidEvents.of(type);
    event.remove("data");
    assertEquals(list(problems), fields(EventValidator.validate(event)));
  }

  @Test
  void sourceThatIsNotAStringIsNamed() {
    JsonObject event = ValidEvents.of("org.ushs.error.detected").put("source", 42);
    assertEquals(Set.of("source"), Set.copyOf(fields(EventValidator.validate(event))));
  }

  @Test
  void everyProblemIsReportedInOrder() {
    JsonObject event =
        ValidEvents.of("org.ushs.error.detected")
            .put("specversion", "2.0")
            .put("sequence", "1")
            .put("time", "now")
            .put("data", new JsonObject().put("errorId", "e").put("severity", "urgent"));
    assertEquals(
        List.of("specversion", "sequence", "time", "data.severity", "data.service", "data.summary"),
        fields(EventValidator.validate(event)));
  }
}
