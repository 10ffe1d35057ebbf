package org.ushs.common.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import org.ushs.common.event.PendingEvent;
import org.ushs.common.log.PartitionId;

/** Codec of {@link WriteRequest} (version byte first); stateless and thread-safe. */
final class WriteRequestCodec implements MessageCodec<WriteRequest, WriteRequest> {

  private final WireVersion version = new WireVersion(name());

  @Override
  public void encodeToWire(Buffer buffer, WriteRequest request) {
    int lengthAt = buffer.length();
    buffer.appendInt(0).appendByte(WireVersion.CURRENT);
    buffer.appendInt(request.partition().value()).appendInt(request.events().size());
    for (PendingEvent event : request.events()) {
      EventWire.writePending(buffer, event);
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - 4);
  }

  @Override
  public WriteRequest decodeFromWire(int position, Buffer buffer) {
    if (!version.readable(buffer.getByte(position + 4))) {
      return null;
    }
    WireReader reader = new WireReader(buffer, position + 5);
    PartitionId partition = new PartitionId(reader.readInt());
    int count = reader.readInt();
    List<PendingEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(EventWire.readPending(reader));
    }
    return new WriteRequest(partition, events);
  }

  @Override
  public WriteRequest transform(WriteRequest request) {
    return request;
  }

  @Override
  public String name() {
    return "ushs-write-request";
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
