package org.ushs.gateway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TokenBucket} on a fake clock: CONTRACT.md section 7, 100/s refill and burst 1000. */
class TokenBucketTest {

  private long nanos;

  /**
   * A script of {@code millis:messages} steps: at each instant, that many messages in a row. The
   * bucket admits the expected total.
   */
  @ParameterizedTest(name = "{0}/s burst {1}: {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          100     | 1000    | 0:1500                   | 1000
          100     | 1000    | 0:1000                   | 1000
          100     | 1000    | 0:1000, 9:1              | 1000
          100     | 1000    | 0:1000, 10:1             | 1001
          100     | 1000    | 0:1000, 10:2             | 1001
          100     | 1000    | 0:1000, 1000:200         | 1100
          100     | 1000    | 0:1000, 60000:2000       | 2000
          100     | 1000    | 0:1500, 500:100          | 1050
          1       | 1       | 0:2, 999:1, 1000:1       | 2
          5       | 3       | 0:3, 200:1, 400:1, 401:1 | 5
          1000000 | 1000000 | 0:1000001, 1:1001        | 1001000
          100     | 1000    | 0:1000, 1000000000000:1  | 1001
          """)
  void admitsTheBurstThenTheRefill(int rate, int burst, String script, int admitted) {
    TokenBucket bucket = new TokenBucket(rate, burst, () -> nanos);
    int count = 0;
    for (String step : script.split(",", -1)) {
      String[] parts = step.trim().split(":", -1);
      nanos = Long.parseLong(parts[0]) * 1_000_000L;
      for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
        count += bucket.tryTake() ? 1 : 0;
      }
    }
    assertEquals(admitted, count);
  }

  /** A client sending evenly at {@code perSecond} for {@code seconds}: how many are admitted. */
  @ParameterizedTest(name = "{0}/s burst {1}, client at {2}/s for {3} s -> {4}..{5}")
  @CsvSource({
    "100, 1000, 90, 600, 54000, 54000",
    "100, 1000, 100, 600, 60000, 60000",
    "100, 10, 99, 60, 5940, 5940",
    "100, 10, 200, 10, 1009, 1011",
    "100, 1000, 150, 60, 6999, 7001",
  })
  void steadyClientsWithinTheRateAreNeverRefused(
      int rate, int burst, int perSecond, int seconds, int min, int max) {
    TokenBucket bucket = new TokenBucket(rate, burst, () -> nanos);
    int count = 0;
    for (long i = 0; i < (long) perSecond * seconds; i++) {
      nanos = i * 1_000_000_000L / perSecond;
      count += bucket.tryTake() ? 1 : 0;
    }
    assertTrue(count >= min && count <= max, "admitted " + count);
  }

  @ParameterizedTest(name = "{0}/s burst {1} -> {2}")
  @CsvSource({
    "100, 1000, rate limit: 100/s burst 1000 retry-after=1",
    "1, 1, rate limit: 1/s burst 1 retry-after=1",
    "1000000, 1000000, rate limit: 1000000/s burst 1000000 retry-after=1",
  })
  void theCloseReasonStatesTheLimitAndARetryAfterWithin123Bytes(
      int rate, int burst, String reason) {
    TokenBucket bucket = new TokenBucket(rate, burst, () -> nanos);
    for (int i = 0; i < burst; i++) {
      assertTrue(bucket.tryTake());
    }
    assertFalse(bucket.tryTake());
    assertEquals(reason, bucket.limitReason());
    assertTrue(reason.getBytes(StandardCharsets.UTF_8).length <= 123);
  }
}
