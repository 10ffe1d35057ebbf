package org.ushs.client.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UshsEventTest {

  private static JsonObject event(String type, String data) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", "e-1")
        .put("source", "/s")
        .put("type", type)
        .put("sequence", "42")
        .put("service", "api")
        .put("data", new JsonObject(data));
  }

  static Stream<Arguments> families() {
    return Stream.of(
        Arguments.of(
            "org.ushs.error.detected",
            "{\"errorId\":\"x\",\"severity\":\"high\",\"service\":\"api\",\"summary\":\"s\",\"extra\":1}",
            new ErrorDetected("x", "high", "api", "s")),
        Arguments.of(
            "org.ushs.session.phaseCompleted",
            "{\"sessionId\":\"abc\",\"phase\":\"analysis\",\"status\":\"completed\",\"duration\":1234,\"nextPhase\":\"generation\"}",
            new SessionEvent("abc", "analysis", "completed", 1234L, "generation")),
        Arguments.of(
            "org.ushs.session.started",
            "{\"sessionId\":\"abc\"}",
            new SessionEvent("abc", null, null, null, null)),
        Arguments.of(
            "org.ushs.patch.generated",
            "{\"patchId\":\"p\",\"sessionId\":\"abc\",\"confidence\":0.95,\"changeCount\":3,\"estimatedImpact\":\"low\"}",
            new PatchEvent("p", "abc", 0.95, 3, "low")),
        Arguments.of(
            "org.ushs.deployment.progress",
            "{\"deploymentId\":\"d\",\"patchId\":\"p\",\"strategy\":\"canary\",\"progress\":25,\"currentPhase\":\"canary-10%\",\"metrics\":{\"latency\":45}}",
            new DeploymentEvent("d", "p", "canary", 25.0, "canary-10%", Map.of("latency", 45))),
        Arguments.of(
            "org.ushs.health.alert",
            "{\"cpu\":0.9}",
            new OtherData(new JsonObject().put("cpu", 0.9))),
        Arguments.of(
            "org.ushs.patch.generated",
            "{\"patchId\":\"p\",\"confidence\":\"very\"}",
            new OtherData(new JsonObject().put("patchId", "p").put("confidence", "very"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void typedDataByFamily(String type, String data, EventData expected) {
    UshsEvent event = UshsEvent.of(event(type, data));
    assertEquals(expected, event.data());
    assertEquals(42, event.sequence());
    assertEquals("api", event.service());
  }

  @ParameterizedTest(name = "{0}: category {1}")
  @CsvSource({
    "org.ushs.error.detected, error",
    "org.ushs.deployment.progress, deployment",
    "org.ushs.health, health",
    "com.example.x, ''"
  })
  void categoryOfType(String type, String category) {
    assertEquals(category, UshsEvent.of(event(type, "{}")).category());
  }

  @ParameterizedTest(name = "{0} is not an event")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"org.ushs.error.detected\",\"sequence\":\"1\"}",
        "{\"id\":\"a\",\"type\":\"org.ushs.error.detected\"}",
        "{\"id\":\"a\",\"type\":\"org.ushs.error.detected\",\"sequence\":\"x\"}",
        "{\"id\":\"a\",\"type\":\"org.ushs.error.detected\",\"sequence\":7}"
      })
  void refusesWhatIsNotAnEvent(String json) {
    assertThrows(IllegalArgumentException.class, () -> UshsEvent.of(new JsonObject(json)));
  }

  @ParameterizedTest(name = "data of {0} is not an object")
  @CsvSource({"org.ushs.error.detected"})
  void dataThatIsNotAnObject(String type) {
    JsonObject json = event(type, "{}").put("data", "text");
    assertInstanceOf(OtherData.class, UshsEvent.of(json).data());
  }
}
