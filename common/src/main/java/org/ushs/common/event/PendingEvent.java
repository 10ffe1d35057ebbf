package org.ushs.common.event;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A validated, enriched event not yet in the log: its keys and its JSON object without the {@code
 * sequence} attribute, which only the log can give.
 *
 * @param body the encoded JSON object, starting with '{'
 */
public record PendingEvent(EventKeys keys, Buffer body) {

  /**
   * The event as clients receive it, at {@code sequence}: the body with {@code "sequence"} spliced
   * in as its first attribute, so the JSON is not encoded again.
   */
  public SequencedEvent at(long sequence) {
    byte[] head = ("{\"sequence\":\"" + sequence + "\"").getBytes(StandardCharsets.US_ASCII);
    boolean empty = body.length() <= 2;
    Buffer json = Buffer.buffer(head.length + body.length() + 1).appendBytes(head);
    if (empty) {
      json.appendByte((byte) '}');
    } else {
      json.appendByte((byte) ',').appendBuffer(body, 1, body.length() - 1);
    }
    return new SequencedEvent(sequence, keys, json);
  }
}
