package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GapTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"type\":\"gap\",\"epoch\":\"e1\",\"from\":\"120\",\"to\":\"180\",\"count\":61,"
            + "\"reason\":\"retention\"}' | e1 | 120 | 180 | 61 | retention",
        "'{\"type\":\"gap\",\"from\":7,\"to\":9,\"count\":1,\"reason\":\"shed\"}' | | 7 | 9 | 1 | shed",
        "'{\"type\":\"gap\",\"from\":\"7\",\"to\":\"9\"}' | | 7 | 9 | 3 | unknown"
      })
  void readsTheMessage(String json, String epoch, long from, long to, long count, String reason) {
    assertEquals(new Gap(epoch, from, to, count, reason), Gap.of(new JsonObject(json)));
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"type\":\"gap\",\"to\":\"9\"}'",
        "'{\"type\":\"gap\",\"from\":\"x\",\"to\":\"9\"}'"
      })
  void refusesAMessageWithoutARange(String json) {
    assertThrows(IllegalArgumentException.class, () -> Gap.of(new JsonObject(json)));
  }
}
