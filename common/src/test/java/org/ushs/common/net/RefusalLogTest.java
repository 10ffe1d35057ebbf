package org.ushs.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@link RefusalLog}: one line per kind per window, then the count of those not logged. */
class RefusalLogTest {

  private final List<LogRecord> records = new ArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private final Logger logger = Logger.getAnonymousLogger();
  private final RefusalLog log;

  RefusalLogTest() {
    logger.setUseParentHandlers(false);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    log = new RefusalLog(logger, Duration.ofSeconds(10), now::get);
  }

  private String line(int index) {
    LogRecord record = records.get(index);
    return new java.util.logging.SimpleFormatter().formatMessage(record);
  }

  @Test
  void aFloodOfOneKindIsOneLinePerWindowWithTheCount() {
    for (int i = 0; i < 1000; i++) {
      log.refused("body too large", "refused " + i);
    }
    log.refused("header timeout", "refused other");
    assertEquals(2, records.size());
    assertEquals("refused 0", line(0));
    assertEquals("refused other", line(1));
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    log.refused("body too large", "refused again");
    assertEquals("[999 more like this not logged in 10 s] refused again", line(2));
    records.forEach(record -> assertNull(record.getThrown(), "never a stack trace"));
  }

  @Test
  void kindsBeyondTheBoundShareOne() {
    for (int i = 0; i < RefusalLog.MAX_KINDS + 100; i++) {
      log.refused("kind " + i, "line " + i);
    }
    assertEquals(RefusalLog.MAX_KINDS + 1, records.size());
  }
}
