package org.ushs.publisher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The acknowledgement of a publish: every event of it is in the replay log, at {@code sequence}. A
 * retried publish of the same {@code source}+{@code id} is acknowledged with the same sequence.
 */
public record Ack(List<Accepted> accepted) {

  /** One event of the publish and its position in the replay log. */
  public record Accepted(String id, long sequence) {}

  public Ack {
    accepted = List.copyOf(accepted);
  }

  /** Reads {@code {"accepted":[{"id":..,"sequence":".."}]}}, the ack {@code ushs.ingest} sends. */
  public static Ack fromJson(JsonObject json) {
    JsonArray items = json.getJsonArray("accepted");
    if (items == null) {
      throw new IllegalArgumentException("not an ack: " + json.encode());
    }
    List<Accepted> accepted = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      accepted.add(
          new Accepted(item.getString("id"), Long.parseLong(item.getValue("sequence").toString())));
    }
    return new Ack(accepted);
  }
}
