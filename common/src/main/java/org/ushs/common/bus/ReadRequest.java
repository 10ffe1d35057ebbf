package org.ushs.common.bus;

import io.vertx.core.json.JsonObject;

/** A read of up to {@code max} events of the log from sequence {@code from} on. */
public record ReadRequest(long from, int max) {

  public JsonObject toJson() {
    return new JsonObject().put("from", from).put("max", max);
  }

  public static ReadRequest fromJson(JsonObject json) {
    return new ReadRequest(json.getLong("from"), json.getInteger("max"));
  }
}
