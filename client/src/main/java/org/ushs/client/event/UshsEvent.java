package org.ushs.client.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.ushs.client.EventPosition;

/**
 * An event as the gateway delivered it: a CloudEvent with the USHS extension attributes {@code
 * sequence}, {@code epoch}, {@code service}, {@code severity}, {@code sessionid}. Immutable: {@link
 * #json()} returns a copy.
 */
public final class UshsEvent {

  private static final String PREFIX = "org.ushs.";

  private final JsonObject json;
  private final long sequence;

  private UshsEvent(JsonObject json, long sequence) {
    this.json = json;
    this.sequence = sequence;
  }

  /**
   * Reads a CloudEvent from the gateway.
   *
   * @throws IllegalArgumentException when {@code id}, {@code type} or a decimal {@code sequence} is
   *     missing
   */
  public static UshsEvent of(JsonObject json) {
    if (!(json.getValue("id") instanceof String) || !(json.getValue("type") instanceof String)) {
      throw new IllegalArgumentException("not an event: id and type required");
    }
    if (!(json.getValue("sequence") instanceof String sequence)) {
      throw new IllegalArgumentException("not an event: sequence must be a decimal string");
    }
    try {
      return new UshsEvent(json.copy(), Long.parseLong(sequence));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an event: sequence must be a decimal string", e);
    }
  }

  public String id() {
    return json.getString("id");
  }

  public String type() {
    return json.getString("type");
  }

  public String source() {
    return json.getString("source");
  }

  public String subject() {
    return json.getString("subject");
  }

  /** {@code time}, or null when absent or not a timestamp. */
  public Instant time() {
    try {
      String time = json.getString("time");
      return time == null ? null : Instant.parse(time);
    } catch (java.time.format.DateTimeParseException | ClassCastException e) {
      return null;
    }
  }

  /** The event's sequence in its epoch of the replay log; strictly increasing within an epoch. */
  public long sequence() {
    return sequence;
  }

  /**
   * The replay log's epoch the sequence belongs to (new whenever the log starts empty); null from a
   * server that does not send epochs.
   */
  public String epoch() {
    return json.getValue("epoch") instanceof String epoch ? epoch : null;
  }

  /** {@code (epoch, sequence)}; null when the event carries no usable epoch. */
  public EventPosition position() {
    String epoch = epoch();
    if (epoch == null) {
      return null;
    }
    try {
      return new EventPosition(epoch, sequence);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String service() {
    return json.getString("service");
  }

  public String severity() {
    return json.getString("severity");
  }

  public String sessionId() {
    return json.getString("sessionid");
  }

  /** The family: {@code error}, {@code session}, {@code patch}, {@code deployment}, ... */
  public String category() {
    String type = type();
    if (!type.startsWith(PREFIX)) {
      return "";
    }
    int end = type.indexOf('.', PREFIX.length());
    return end < 0 ? type.substring(PREFIX.length()) : type.substring(PREFIX.length(), end);
  }

  /** The typed data of the event's family; see {@link EventData}. */
  public EventData data() {
    return EventDataReader.read(category(), json.getValue("data"));
  }

  /** The CloudEvent JSON (a copy). */
  public JsonObject json() {
    return json.copy();
  }

  @Override
  public String toString() {
    return json.encode();
  }
}
