package org.ushs.common.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;

/** Codec of {@link WriteResult} (version byte first); stateless and thread-safe. */
final class WriteResultCodec implements MessageCodec<WriteResult, WriteResult> {

  private final WireVersion version = new WireVersion(name());

  @Override
  public void encodeToWire(Buffer buffer, WriteResult result) {
    int lengthAt = buffer.length();
    buffer.appendInt(0).appendByte(WireVersion.CURRENT);
    WireWriter.writeString(buffer, result.epoch());
    buffer.appendInt(result.sequences().size());
    for (long sequence : result.sequences()) {
      buffer.appendLong(sequence);
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - 4);
  }

  @Override
  public WriteResult decodeFromWire(int position, Buffer buffer) {
    if (!version.readable(buffer.getByte(position + 4))) {
      return null;
    }
    WireReader reader = new WireReader(buffer, position + 5);
    String epoch = reader.readString();
    int count = reader.readInt();
    List<Long> sequences = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sequences.add(reader.readLong());
    }
    return new WriteResult(epoch, sequences);
  }

  @Override
  public WriteResult transform(WriteResult result) {
    return result;
  }

  @Override
  public String name() {
    return "ushs-write-result";
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
