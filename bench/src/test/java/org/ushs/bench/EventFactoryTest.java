package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.EventEnricher;
import org.ushs.common.event.EventValidator;
import org.ushs.common.event.Problem;

/**
 * The benchmark's events go through the server's own validation and encoding (EventValidator,
 * EventEnricher, PendingEvent.at), and the generator reads back what it needs from the bytes a
 * client receives.
 */
class EventFactoryTest {

  private final EventFactory events = new EventFactory("b1x2y3", 100);

  @ParameterizedTest(name = "event {0} sent at {1}, delivered at sequence {2}")
  @CsvSource({
    "0, 0, 1000000",
    "7, 123456789012345, 1234567",
    "987654, -98765432109876, 9999999",
    "123456789, 9223372036854775807, 1000042"
  })
  void deliveredEventIsValidAbout456BytesAndScannable(long n, long sentAt, long sequence) {
    byte[] published = events.event(n, sentAt, Instant.parse("2025-01-15T23:30:00.123456Z"));
    JsonObject event = new JsonObject(Buffer.buffer(published));

    List<Problem> problems = EventValidator.validate(event);
    byte[] delivered = EventEnricher.enrich(event, Instant.now()).at(sequence).json().getBytes();

    assertEquals(List.of(), problems);
    assertEquals(EventFactory.DELIVERED_SIZE, delivered.length);
    assertTrue(FrameScan.isEvent(delivered));
    assertEquals(sequence, FrameScan.sequence(delivered));
    assertEquals(n, FrameScan.idNumber(delivered));
    assertEquals(sentAt, FrameScan.sentAtNanos(delivered));
    assertEquals("svc-" + (n % 100), new JsonObject(Buffer.buffer(delivered)).getString("service"));
  }
}
