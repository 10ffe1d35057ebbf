package org.ushs.common.bus;

import io.vertx.core.buffer.Buffer;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.event.SequencedEvent;

/**
 * The binary form of events: on the bus (with sequence and final JSON) and in the log (pending,
 * without sequence). Keys travel beside the JSON so no node parses the JSON again.
 */
public final class EventWire {

  private EventWire() {}

  /** The log's stored form of {@code event}. */
  public static byte[] toBytes(PendingEvent event) {
    Buffer buffer = Buffer.buffer(event.body().length() + 128);
    writeKeys(buffer, event.keys());
    WireWriter.writeBuffer(buffer, event.body());
    return buffer.getBytes();
  }

  /** Reads what {@link #toBytes(PendingEvent)} wrote. */
  public static PendingEvent pendingFromBytes(byte[] bytes) {
    WireReader reader = new WireReader(Buffer.buffer(bytes), 0);
    EventKeys keys = readKeys(reader);
    return new PendingEvent(keys, reader.readBuffer());
  }

  static void write(Buffer buffer, SequencedEvent event) {
    buffer.appendLong(event.sequence());
    writeKeys(buffer, event.keys());
    WireWriter.writeBuffer(buffer, event.json());
  }

  static SequencedEvent read(WireReader reader) {
    long sequence = reader.readLong();
    EventKeys keys = readKeys(reader);
    return new SequencedEvent(sequence, keys, reader.readBuffer());
  }

  private static void writeKeys(Buffer buffer, EventKeys keys) {
    WireWriter.writeString(buffer, keys.category().wireName());
    WireWriter.writeString(buffer, keys.id());
    WireWriter.writeString(buffer, keys.source());
    WireWriter.writeString(buffer, keys.type());
    WireWriter.writeString(buffer, keys.service());
    WireWriter.writeString(buffer, keys.severity());
    WireWriter.writeString(buffer, keys.sessionId());
  }

  private static EventKeys readKeys(WireReader reader) {
    Category category = Category.fromName(reader.readString()).orElseThrow();
    return new EventKeys(
        reader.readString(),
        reader.readString(),
        reader.readString(),
        category,
        reader.readString(),
        reader.readString(),
        reader.readString());
  }
}
