package org.ushs.common.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.PartitionId;

/** {@link EventBatchCodec} and {@link EventWire}: what is written is read back, key for key. */
class EventBatchCodecTest {

  private static final EventBatchCodec CODEC = new EventBatchCodec();
  private static final String EPOCH = "0123456789abcdef";

  private static EventKeys keys(Category category, String service, String severity, String s) {
    return new EventKeys(
        "id-" + category.wireName(),
        "/src",
        "org.ushs." + category.wireName() + ".x",
        category,
        service,
        severity,
        s);
  }

  private static final EventKeys ALL_NULL =
      new EventKeys(null, null, null, Category.HEALTH, null, null, null);
  private static final EventKeys UNICODE =
      new EventKeys("id-ü", "/ソース", "org.ushs.error.x", Category.ERROR, "sérvice 🎉", "", "s-日本");

  static Stream<EventBatch> batches() {
    return Stream.of(
        new EventBatch(List.of(), 42),
        new EventBatch(List.of(), 0),
        EventBatch.live(List.of(event(0, ALL_NULL, "{}"))),
        EventBatch.live(List.of(event(Long.MAX_VALUE - 1, UNICODE, "{\"x\":\"日本 🎉\"}"))),
        EventBatch.live(
            List.of(
                event(10, keys(Category.ERROR, "api", "high", null), "{\"a\":1}"),
                event(11, keys(Category.SESSION, null, null, "s-1"), "{\"b\":[1,2]}"),
                event(12, keys(Category.PATCH, "api", null, "s-1"), ""),
                event(13, keys(Category.DEPLOYMENT, null, "low", null), "{}"))),
        new EventBatch(List.of(event(20, keys(Category.HEALTH, "n", null, null), "{}")), 100));
  }

  private static SequencedEvent event(long sequence, EventKeys keys, String json) {
    return new SequencedEvent(sequence, keys, Buffer.buffer(json));
  }

  @ParameterizedTest
  @MethodSource("batches")
  void roundTripAtANonZeroPosition(EventBatch batch) {
    Buffer wire = Buffer.buffer("prefix");
    CODEC.encodeToWire(wire, batch);
    int end = wire.length();
    wire.appendString("trailing bytes");

    assertEquals(end - "prefix".length() - 4, wire.getInt("prefix".length()));
    EventBatch decoded = CODEC.decodeFromWire("prefix".length(), wire);
    assertEquals(batch, decoded);
    assertEquals(batch.next(), decoded.next());
    assertEquals(batch.first(), decoded.first());
    for (int i = 0; i < batch.events().size(); i++) {
      assertEquals(
          batch.events().get(i).json().toString(StandardCharsets.UTF_8),
          decoded.events().get(i).json().toString(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @MethodSource("batches")
  void twoBatchesInOneBufferAreReadApart(EventBatch batch) {
    EventBatch other = new EventBatch(List.of(), 7);
    Buffer wire = Buffer.buffer();
    CODEC.encodeToWire(wire, batch);
    int second = wire.length();
    CODEC.encodeToWire(wire, other);
    assertEquals(batch, CODEC.decodeFromWire(0, wire));
    assertEquals(other, CODEC.decodeFromWire(second, wire));
  }

  @Test
  void localDeliveryPassesTheSameValue() {
    EventBatch batch = new EventBatch(List.of(), 3);
    assertSame(batch, CODEC.transform(batch));
    assertEquals("ushs-event-batch", CODEC.name());
    assertEquals(-1, CODEC.systemCodecID());
  }

  static Stream<EventKeys> allKeys() {
    return Stream.concat(
        Stream.of(ALL_NULL, UNICODE),
        Stream.of(Category.values()).map(c -> keys(c, "svc", "medium", "s-" + c.wireName())));
  }

  @ParameterizedTest
  @MethodSource("allKeys")
  void pendingEventRoundTripsThroughTheLogForm(EventKeys keys) {
    PendingEvent pending = new PendingEvent(keys, Buffer.buffer("{\"note\":\"ü 🎉\"}"));
    byte[] bytes = EventWire.toBytes(EPOCH, pending);
    EventWire.Stored stored = EventWire.fromBytes(bytes);
    PendingEvent read = stored.event();
    assertEquals(EPOCH, stored.epoch());
    assertEquals(pending, read);
    assertEquals(keys, read.keys());
    assertArrayEquals(pending.body().getBytes(), read.body().getBytes());
    assertArrayEquals(bytes, EventWire.toBytes(EPOCH, read));
  }

  @ParameterizedTest
  @EnumSource(Category.class)
  void categoryTravelsByName(Category category) {
    PendingEvent pending = new PendingEvent(keys(category, null, null, null), Buffer.buffer("{}"));
    assertEquals(
        category, EventWire.fromBytes(EventWire.toBytes(EPOCH, pending)).event().keys().category());
  }

  @Test
  void aBatchOfAnotherWireVersionIsDropped() {
    Buffer wire = Buffer.buffer();
    CODEC.encodeToWire(wire, EventBatch.live(List.of(event(1, ALL_NULL, "{}"))));
    assertEquals(WireVersion.CURRENT, wire.getByte(4));
    wire.setByte(4, (byte) 2);
    assertNull(CODEC.decodeFromWire(0, wire));
  }

  @Test
  void aBatchCarriesItsPartitionAndEpochToEveryEvent() {
    SequencedEvent first = new SequencedEvent(5, EPOCH, UNICODE, Buffer.buffer("{}"));
    SequencedEvent second = new SequencedEvent(6, EPOCH, ALL_NULL, Buffer.buffer("{}"));
    EventBatch batch = EventBatch.live(new PartitionId(3), EPOCH, List.of(first, second));
    Buffer wire = Buffer.buffer();
    CODEC.encodeToWire(wire, batch);
    EventBatch decoded = CODEC.decodeFromWire(0, wire);
    assertEquals(batch, decoded);
    assertEquals(new PartitionId(3), decoded.partition());
    assertEquals(EPOCH, decoded.events().get(1).epoch());
  }

  @Test
  void writeRequestsAndResultsRoundTrip() {
    WriteRequest request =
        new WriteRequest(
            PartitionId.ZERO,
            List.of(
                new PendingEvent(UNICODE, Buffer.buffer("{\"a\":1}")),
                new PendingEvent(ALL_NULL, Buffer.buffer("{}"))));
    WriteRequestCodec requests = new WriteRequestCodec();
    Buffer wire = Buffer.buffer("x");
    requests.encodeToWire(wire, request);
    assertEquals(request, requests.decodeFromWire(1, wire));

    WriteResult result = new WriteResult(EPOCH, List.of(4L, 9L, 4L));
    WriteResultCodec results = new WriteResultCodec();
    Buffer resultWire = Buffer.buffer();
    results.encodeToWire(resultWire, result);
    assertEquals(result, results.decodeFromWire(0, resultWire));
  }
}
