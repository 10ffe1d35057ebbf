package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloseCodePolicyTest {

  @ParameterizedTest(name = "close {0}: {1}")
  @CsvSource(
      nullValues = "none",
      value = {
        "1001, RECONNECT_NOW",
        "1012, RECONNECT_NOW",
        "4001, STOP",
        "4002, STOP",
        "1009, STOP",
        "1008, STOP",
        "4000, STOP",
        "4004, STOP",
        "4003, RECONNECT_WITH_BACKOFF",
        "4005, RECONNECT_WITH_BACKOFF",
        "4006, RECONNECT_WITH_BACKOFF",
        "1000, RECONNECT_WITH_BACKOFF",
        "1011, RECONNECT_WITH_BACKOFF",
        "4999, RECONNECT_WITH_BACKOFF",
        "none, RECONNECT_WITH_BACKOFF"
      })
  void followsTheCodeTable(Integer code, CloseCodePolicy.Action action) {
    assertEquals(action, CloseCodePolicy.forClose(code));
  }

  @ParameterizedTest(name = "reason ''{0}'': retry after {1} s")
  @CsvSource(
      nullValues = "none",
      value = {
        "'rate limit: 100/s burst 1000 retry-after=1', 1",
        "'retry-after=30', 30",
        "'slow consumer', none",
        "none, none",
        "'retry-after=x', none"
      })
  void readsRetryAfterFromTheReason(String reason, Long seconds) {
    assertEquals(
        seconds == null ? null : Duration.ofSeconds(seconds),
        CloseCodePolicy.retryAfter(reason).orElse(null));
  }
}
