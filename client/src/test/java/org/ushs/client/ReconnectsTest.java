package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconnectsTest {

  private static Reconnects reconnects(int maxAttempts, String... endpoints) {
    ClientOptions.Builder builder =
        ClientOptions.builder().random(() -> 0.5).maxAttempts(maxAttempts);
    for (String endpoint : endpoints) {
      builder.endpoint(endpoint);
    }
    return new Reconnects(builder.build());
  }

  @ParameterizedTest(name = "close {0} after an accepted connection: stop={1}, delay {2} ms")
  @CsvSource(
      nullValues = "none",
      value = {
        "1001, false, 0, none",
        "4006, false, 500, none",
        "4005, false, 500, none",
        "4003, false, 1000, 'rate limit: 100/s burst 1000 retry-after=1'",
        "none, false, 500, none",
        "4002, true, -1, 'token expired'",
        "4001, true, -1, 'Authentication required'"
      })
  void firstDecisionByCode(Integer code, boolean stop, long delayMillis, String reason) {
    Reconnects.Next next = reconnects(0, "ws://a:1").afterClose(code, reason, true);
    assertEquals(stop, next.stop());
    if (!stop) {
      assertEquals(Duration.ofMillis(delayMillis), next.delay());
    }
  }

  @Test
  void failuresBackOffExponentiallyAndAnAcceptStartsOver() {
    Reconnects r = reconnects(0, "ws://a:1");
    assertEquals(Duration.ofMillis(500), r.afterClose(null, "refused", false).delay());
    assertEquals(Duration.ofSeconds(1), r.afterClose(null, "refused", false).delay());
    assertEquals(Duration.ofSeconds(2), r.afterClose(null, "refused", false).delay());
    r.accepted();
    assertEquals(Duration.ofMillis(500), r.afterClose(4006, "slow consumer", true).delay());
  }

  @Test
  void everyReconnectMovesToTheNextEndpoint() {
    Reconnects r = reconnects(0, "ws://a:1", "ws://b:2", "ws://c:3");
    assertEquals("a", r.endpoint().getHost());
    r.afterClose(1001, "going away", true);
    assertEquals("b", r.endpoint().getHost());
    r.afterClose(null, "refused", false);
    assertEquals("c", r.endpoint().getHost());
    r.afterClose(null, "refused", false);
    assertEquals("a", r.endpoint().getHost());
  }

  @Test
  void givesUpAfterTheAttemptLimitOfConsecutiveFailures() {
    Reconnects r = reconnects(3, "ws://a:1");
    assertEquals(false, r.afterClose(null, "refused", false).stop());
    assertEquals(false, r.afterClose(null, "refused", false).stop());
    r.accepted();
    assertEquals(false, r.afterClose(null, "refused", false).stop());
    assertEquals(false, r.afterClose(null, "refused", false).stop());
    Reconnects.Next last = r.afterClose(null, "refused", false);
    assertEquals(true, last.stop());
    assertEquals("gave up after 3 attempts: refused", last.reason());
  }
}
