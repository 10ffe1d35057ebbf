package org.ushs.gateway.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogResumeLogTest {

  private final LogResumeLog log = new LogResumeLog(new MemoryLog());

  @BeforeEach
  void learnTheEpoch() throws Exception {
    log.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(MemoryLog.EPOCH, log.epoch());
  }

  @Test
  void aBatchOfAnotherEpochStartsOverAndIsFollowed() {
    assertFalse(log.startsOver(MemoryLog.EPOCH));
    assertTrue(log.startsOver("fedcba9876543210"));
    log.observed("fedcba9876543210");
    assertEquals("fedcba9876543210", log.epoch());
    assertFalse(log.startsOver("fedcba9876543210"));
  }

  @Test
  void aBatchWithoutAnEpochSaysNothing() {
    assertFalse(log.startsOver(""));
    assertFalse(log.startsOver(null));
    log.observed("");
    log.observed(null);
    assertEquals(MemoryLog.EPOCH, log.epoch());
    assertTrue(log.startsOver("fedcba9876543210"), "the known epoch is still the log's");
  }

  @Test
  void aLateBatchOfAReplacedEpochIsNoStartOver() {
    log.observed("fedcba9876543210");
    assertTrue(log.replaced(MemoryLog.EPOCH));
    assertFalse(log.startsOver(MemoryLog.EPOCH));
    assertFalse(log.replaced("fedcba9876543210"));
    assertTrue(log.startsOver("00112233445566aa"));
  }
}
