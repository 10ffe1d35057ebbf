package org.ushs.gateway.protocol;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ushs.gateway.subscription.Selector;

/** The messages the server sends besides events, as JSON bytes. */
public final class ServerMessages {

  private ServerMessages() {}

  public static Buffer error(ErrorCode code, String message, String field, String error) {
    JsonObject json =
        new JsonObject().put("type", "error").put("code", code.code).put("message", message);
    if (field != null) {
      json.put("details", new JsonObject().put("field", field).put("error", error));
    }
    return json.toBuffer();
  }

  public static Buffer error(ProtocolError e) {
    return error(e.code(), e.code().message, e.field(), e.error());
  }

  public static Buffer pong(Instant now) {
    return new JsonObject().put("type", "pong").put("timestamp", now.toString()).toBuffer();
  }

  /** The answer to {@code refresh}: the new token's expiry (null: none). */
  public static Buffer refreshed(Instant expiresAt) {
    return new JsonObject()
        .put("type", "refreshed")
        .put("expiresAt", expiresAt == null ? null : expiresAt.toString())
        .toBuffer();
  }

  /**
   * A loss announced before the next event: the client will not receive the events it wanted in
   * sequences {@code from..to} of {@code epoch} ({@code count} of them), for {@code reason} ({@code
   * retention}, {@code shed}, {@code overflow}, {@code unavailable}); see
   * docs/decisions/positions-gaps-resume.md.
   */
  public static Buffer gap(String epoch, long from, long to, long count, String reason) {
    return new JsonObject()
        .put("type", "gap")
        .put("epoch", epoch)
        .put("from", Long.toString(from))
        .put("to", Long.toString(to))
        .put("count", count)
        .put("reason", reason)
        .toBuffer();
  }

  /** {@code subscribed} or {@code unsubscribed}, echoing the names the client sent. */
  public static Buffer acknowledged(String type, List<Selector> selectors) {
    JsonArray names = new JsonArray(selectors.stream().map(Selector::name).toList());
    return new JsonObject().put("type", type).put("eventTypes", names).toBuffer();
  }
}
