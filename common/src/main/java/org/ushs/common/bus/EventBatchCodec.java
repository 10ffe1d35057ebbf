package org.ushs.common.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.event.SequencedEvent;
import org.ushs.common.log.PartitionId;

/**
 * Codec of {@link EventBatch}: stateless and thread-safe; local delivery passes the same value. The
 * wire form: length, {@link WireVersion} byte, partition, epoch, next, count, events. A batch of an
 * unknown version decodes to null, which consumers drop.
 */
public final class EventBatchCodec implements MessageCodec<EventBatch, EventBatch> {

  private final WireVersion version = new WireVersion(name());

  /** Registers the codecs of every USHS bus type on {@code bus}; call once per Vert.x instance. */
  public static void register(EventBus bus) {
    bus.registerDefaultCodec(EventBatch.class, new EventBatchCodec());
    bus.registerDefaultCodec(WriteRequest.class, new WriteRequestCodec());
    bus.registerDefaultCodec(WriteResult.class, new WriteResultCodec());
  }

  @Override
  public void encodeToWire(Buffer buffer, EventBatch batch) {
    int lengthAt = buffer.length();
    buffer.appendInt(0).appendByte(WireVersion.CURRENT).appendInt(batch.partition().value());
    WireWriter.writeString(buffer, batch.epoch());
    buffer.appendLong(batch.next()).appendInt(batch.events().size());
    for (SequencedEvent event : batch.events()) {
      EventWire.write(buffer, event);
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - 4);
  }

  @Override
  public EventBatch decodeFromWire(int position, Buffer buffer) {
    if (!version.readable(buffer.getByte(position + 4))) {
      return null;
    }
    WireReader reader = new WireReader(buffer, position + 5);
    PartitionId partition = new PartitionId(reader.readInt());
    String epoch = reader.readString();
    long next = reader.readLong();
    int count = reader.readInt();
    List<SequencedEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(EventWire.read(reader, epoch));
    }
    return new EventBatch(partition, epoch, events, next);
  }

  @Override
  public EventBatch transform(EventBatch batch) {
    return batch;
  }

  @Override
  public String name() {
    return "ushs-event-batch";
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
