package org.ushs.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ushs.common.event.ValidEvents.fields;
import static org.ushs.common.event.ValidEvents.list;
import static org.ushs.common.event.ValidEvents.with;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code data} rules of {@link EventValidator}: the fields the protocol shows per type. */
class EventValidatorDataTest {

  @ParameterizedTest(name = "{0}: {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          org.ushs.error.detected         | data.errorId         | <absent>  | required
          org.ushs.error.detected         | data.errorId         | ""        | must be a non-empty string
          org.ushs.error.detected         | data.errorId         | 17        | must be a non-empty string
          org.ushs.error.detected         | data.severity        | <absent>  | required
          org.ushs.error.detected         | data.severity        | "urgent"  | must be one of critical, high, low, medium
          org.ushs.error.detected         | data.severity        | "HIGH"    | must be one of critical, high, low, medium
          org.ushs.error.detected         | data.service         | <absent>  | required
          org.ushs.error.detected         | data.service         | ["api"]   | must be a non-empty string
          org.ushs.error.detected         | data.summary         | <absent>  | required
          org.ushs.session.started        | data.sessionId       | <absent>  | required
          org.ushs.session.started        | data.sessionId       | 7         | must be a non-empty string
          org.ushs.session.phaseCompleted | data.sessionId       | <absent>  | required
          org.ushs.session.phaseCompleted | data.phase           | <absent>  | required
          org.ushs.session.phaseCompleted | data.status          | <absent>  | required
          org.ushs.session.phaseCompleted | data.status          | true      | must be a non-empty string
          org.ushs.session.phaseCompleted | data.duration        | <absent>  | required
          org.ushs.session.phaseCompleted | data.duration        | 1.5       | must be an integer
          org.ushs.session.phaseCompleted | data.duration        | "10"      | must be an integer
          org.ushs.session.phaseCompleted | data.duration        | -1        | must be between 0 and 1.7976931348623157E308
          org.ushs.session.phaseCompleted | data.nextPhase       | <absent>  | required
          org.ushs.patch.applied          | data.patchId         | <absent>  | required
          org.ushs.patch.applied          | data.sessionId       | <absent>  | required
          org.ushs.patch.generated        | data.patchId         | ""        | must be a non-empty string
          org.ushs.patch.generated        | data.confidence      | <absent>  | required
          org.ushs.patch.generated        | data.confidence      | 1.5       | must be between 0 and 1
          org.ushs.patch.generated        | data.confidence      | -0.01     | must be between 0 and 1
          org.ushs.patch.generated        | data.confidence      | "0.9"     | must be a number
          org.ushs.patch.generated        | data.changeCount     | <absent>  | required
          org.ushs.patch.generated        | data.changeCount     | 2.5       | must be an integer
          org.ushs.patch.generated        | data.changeCount     | -1        | must be between 0 and 1.7976931348623157E308
          org.ushs.patch.generated        | data.estimatedImpact | <absent>  | required
          org.ushs.deployment.started     | data.deploymentId    | <absent>  | required
          org.ushs.deployment.started     | data.patchId         | <absent>  | required
          org.ushs.deployment.progress    | data.deploymentId    | ""        | must be a non-empty string
          org.ushs.deployment.progress    | data.strategy        | <absent>  | required
          org.ushs.deployment.progress    | data.progress        | <absent>  | required
          org.ushs.deployment.progress    | data.progress        | 100.5     | must be between 0 and 100
          org.ushs.deployment.progress    | data.progress        | -1        | must be between 0 and 100
          org.ushs.deployment.progress    | data.progress        | "50"      | must be a number
          org.ushs.deployment.progress    | data.currentPhase    | <absent>  | required
          org.ushs.deployment.progress    | data.metrics         | <absent>  | required
          org.ushs.deployment.progress    | data.metrics         | []        | must be an object
          org.ushs.deployment.progress    | data.metrics         | "fast"    | must be an object
          org.ushs.health.node.up         | data.severity        | "urgent"  | must be one of critical, high, low, medium
          org.ushs.health.node.up         | data.sessionId       | 5         | must be a non-empty string
          org.ushs.error.resolved         | data.sessionId       | ""        | must be a non-empty string
          org.ushs.deployment.started     | data.severity        | "none"    | must be one of critical, high, low, medium
          """)
  void badDataFieldIsNamed(String type, String field, String value, String error) {
    JsonObject event = with(ValidEvents.of(type), field, value);
    assertEquals(List.of(new Problem(field, error)), EventValidator.validate(event));
  }

  @ParameterizedTest(name = "{0}: {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          org.ushs.session.phaseCompleted | data.duration   | 0
          org.ushs.session.phaseCompleted | data.duration   | 5.0
          org.ushs.session.phaseCompleted | data.duration   | 9007199254740993
          org.ushs.patch.generated        | data.confidence | 0
          org.ushs.patch.generated        | data.confidence | 1
          org.ushs.patch.generated        | data.changeCount | 0
          org.ushs.deployment.progress    | data.progress   | 0
          org.ushs.deployment.progress    | data.progress   | 100
          org.ushs.deployment.progress    | data.progress   | 55.5
          org.ushs.deployment.progress    | data.metrics    | {}
          org.ushs.error.detected         | data.severity   | "critical"
          org.ushs.error.detected         | data.severity   | "low"
          org.ushs.error.detected         | data.stack      | ["a","b"]
          org.ushs.error.detected         | data.extra      | {"nested":{"x":null}}
          org.ushs.error.detected         | data.count      | 3
          org.ushs.session.started        | data.phase      | 7
          org.ushs.health.node.up         | data.severity   | "medium"
          org.ushs.health.node.up         | data.sessionId  | "s-9"
          org.ushs.error.resolved         | data.service    | 12
          """)
  void acceptedDataFieldValue(String type, String field, String value) {
    assertEquals(List.of(), EventValidator.validate(with(ValidEvents.of(type), field, value)));
  }

  @ParameterizedTest(name = "{0} with data {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          org.ushs.error.detected         | {}   | data.errorId,data.severity,data.service,data.summary
          org.ushs.session.phaseCompleted | {}   | data.sessionId,data.phase,data.status,data.duration,data.nextPhase
          org.ushs.patch.generated        | {}   | data.patchId,data.sessionId,data.confidence,data.changeCount,data.estimatedImpact
          org.ushs.deployment.progress    | {}   | data.deploymentId,data.patchId,data.strategy,data.progress,data.currentPhase,data.metrics
          org.ushs.patch.applied          | {}   | data.patchId,data.sessionId
          org.ushs.error.detected         | "x"  | data
          org.ushs.session.started        | [1]  | data
          org.ushs.session.started        | null | data
          org.ushs.error.resolved         | {}   | -
          org.ushs.health.node.up         | {}   | -
          org.ushs.health.node.up         | 42   | data
          """)
  void everyRequiredFieldOfTheTypeIsNamedInOrder(String type, String data, String problems) {
    JsonObject event = with(ValidEvents.of(type), "data", data);
    assertEquals(list(problems), fields(EventValidator.validate(event)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"critical", "high", "medium", "low"})
  void everySeverityIsAcceptedInDataAndAsAttribute(String severity) {
    JsonObject event = ValidEvents.of("org.ushs.error.detected").put("severity", severity);
    event.getJsonObject("data").put("severity", severity);
    assertEquals(List.of(), EventValidator.validate(event));
  }
}
