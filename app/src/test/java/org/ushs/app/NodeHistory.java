package org.ushs.app;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What one node serves to {@code lastEventId=earliest}: every retained event and the replay answer,
 * or the close code and reason when it refuses the resume. Waits are bounded.
 */
record NodeHistory(List<JsonObject> events, JsonObject replay, int closeCode, String closeReason) {

  private static final long WAIT_MS = 30_000;

  static NodeHistory read(Vertx vertx, NodeProcess node) throws InterruptedException {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost(node.host)
            .setPort(node.gatewayPort)
            .setURI("/ushs/v1/ws?subscribe=*&lastEventId=earliest")
            .addHeader("Authorization", "Bearer " + TestNodes.subscriberToken(vertx));
    WsClient client = TestNodes.await(WsClient.open(vertx, new WebSocketClientOptions(), options));
    try {
      List<JsonObject> events = new ArrayList<>();
      long deadline = System.currentTimeMillis() + WAIT_MS;
      while (System.currentTimeMillis() < deadline) {
        for (JsonObject message : client.drain()) {
          if ("replay".equals(message.getString("type"))) {
            return new NodeHistory(events, message, -1, null);
          }
          if (message.containsKey("specversion")) {
            events.add(message);
          }
        }
        if (client.isClosed()) {
          return new NodeHistory(events, null, client.awaitClose(), client.closeReason());
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no replay answer within " + WAIT_MS + " ms, " + events.size());
    } finally {
      client.close();
    }
  }

  boolean refused() {
    return replay == null;
  }

  List<String> ids() {
    return events.stream().map(event -> event.getString("id")).toList();
  }
}
