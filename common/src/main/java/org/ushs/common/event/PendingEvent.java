package org.ushs.common.event;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A validated, enriched event not yet in the log: its keys and its JSON object without the {@code
 * sequence} and {@code epoch} attributes, which only the log can give.
 *
 * @param body the encoded JSON object, starting with '{'
 */
public record PendingEvent(EventKeys keys, Buffer body) {

  /**
   * The event as clients receive it, at {@code sequence} of the log of {@code epoch}: the body with
   * {@code "sequence"} and {@code "epoch"} spliced in as its first attributes, so the JSON is not
   * encoded again.
   */
  public SequencedEvent at(long sequence, String epoch) {
    return new SequencedEvent(
        sequence,
        epoch,
        keys,
        splice("{\"sequence\":\"" + sequence + "\",\"epoch\":\"" + epoch + "\""));
  }

  /** As {@link #at(long, String)} without an epoch: for tests and tools that have none. */
  public SequencedEvent at(long sequence) {
    return new SequencedEvent(sequence, keys, splice("{\"sequence\":\"" + sequence + "\""));
  }

  /** How many bytes the log holds for this event, about: its JSON and its keys. */
  public int retainedBytes() {
    return body.length() + keys.approximateBytes();
  }

  private Buffer splice(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
    boolean empty = body.length() <= 2;
    Buffer json = Buffer.buffer(bytes.length + body.length() + 1).appendBytes(bytes);
    if (empty) {
      json.appendByte((byte) '}');
    } else {
      json.appendByte((byte) ',').appendBuffer(body, 1, body.length() - 1);
    }
    return json;
  }
}
