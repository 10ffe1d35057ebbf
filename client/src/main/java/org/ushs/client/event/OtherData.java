package org.ushs.client.event;

import io.vertx.core.json.JsonObject;

/** Data with no record of its own (health events), or that did not fit its family's record. */
public record OtherData(JsonObject json) implements EventData {

  public OtherData {
    json = json == null ? new JsonObject() : json.copy();
  }

  @Override
  public JsonObject json() {
    return json.copy();
  }
}
