package org.ushs.client;

import io.vertx.core.json.JsonObject;

/**
 * An error message from the server ({@code {"type":"error","code":..,"message":..,"details":..}}).
 * 4000 and 4004 leave the connection open; 4001, 4002 (credentials) and 4003 are followed by a
 * close.
 *
 * @param code the protocol code
 * @param message the server's message
 * @param field the field in error, or null
 * @param error what is wrong with it, or null
 */
public record UshsError(int code, String message, String field, String error) {

  static UshsError of(JsonObject json) {
    JsonObject details = json.getJsonObject("details");
    return new UshsError(
        json.getInteger("code", 0),
        json.getString("message", ""),
        details == null ? null : details.getString("field"),
        details == null ? null : details.getString("error"));
  }

  @Override
  public String toString() {
    return code + " " + message + (field == null ? "" : " (" + field + ": " + error + ")");
  }
}
