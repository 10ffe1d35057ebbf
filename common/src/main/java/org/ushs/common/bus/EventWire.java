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

  /** An event as the log stores it: the epoch of the log it was appended to, and the event. */
  public record Stored(String epoch, PendingEvent event) {}

  /** The log's stored form of {@code event}, appended to the log of {@code epoch}. */
  public static byte[] toBytes(String epoch, PendingEvent event) {
    Buffer buffer = Buffer.buffer(event.body().length() + 160).appendByte(WireVersion.CURRENT);
    WireWriter.writeString(buffer, epoch);
    writePending(buffer, event);
    return buffer.getBytes();
  }

  /** Reads what {@link #toBytes(String, PendingEvent)} wrote. */
  public static Stored fromBytes(byte[] bytes) {
    Buffer buffer = Buffer.buffer(bytes);
    if (buffer.getByte(0) != WireVersion.CURRENT) {
      throw new IllegalStateException("log item of unknown wire version " + buffer.getByte(0));
    }
    WireReader reader = new WireReader(buffer, 1);
    String epoch = reader.readString();
    return new Stored(epoch, readPending(reader));
  }

  static void writePending(Buffer buffer, PendingEvent event) {
    writeKeys(buffer, event.keys());
    WireWriter.writeBuffer(buffer, event.body());
  }

  static PendingEvent readPending(WireReader reader) {
    EventKeys keys = readKeys(reader);
    return new PendingEvent(keys, reader.readBuffer());
  }

  static void write(Buffer buffer, SequencedEvent event) {
    buffer.appendLong(event.sequence());
    writeKeys(buffer, event.keys());
    WireWriter.writeBuffer(buffer, event.json());
  }

  static SequencedEvent read(WireReader reader, String epoch) {
    long sequence = reader.readLong();
    EventKeys keys = readKeys(reader);
    return new SequencedEvent(sequence, epoch, keys, reader.readBuffer());
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
