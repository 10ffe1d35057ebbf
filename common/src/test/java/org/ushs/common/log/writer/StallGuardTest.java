package org.ushs.common.log.writer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StallGuardTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final StallGuard guard =
      new StallGuard(now::get, Duration.ofNanos(500), Duration.ofNanos(300));

  @Test
  void regularCallsWithinTheLimitNeverHold() {
    for (int i = 0; i < 10; i++) {
      now.addAndGet(400);
      assertFalse(guard.stalled());
      assertFalse(guard.holding());
    }
  }

  @Test
  void aGapLongerThanTheLimitIsReportedOnceThenHoldsForTheHold() {
    now.addAndGet(501);
    assertTrue(guard.stalled());
    assertTrue(guard.holding());
    now.addAndGet(100);
    assertFalse(guard.stalled(), "reported once");
    assertTrue(guard.holding());
    now.addAndGet(200);
    assertFalse(guard.holding(), "released after the hold");
  }

  @Test
  void theTickIsAQuarterOfTheLimit() {
    StallGuard real = new StallGuard();
    assertTrue(real.tickMillis() * 4 <= StallGuard.LIMIT.toMillis());
  }
}
