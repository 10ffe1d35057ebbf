package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ushs.client.ClientOptions;
import org.ushs.client.EventPosition;
import org.ushs.client.ReplayResult;
import org.ushs.client.Subscription;
import org.ushs.client.UshsClient;
import org.ushs.client.event.UshsEvent;

/**
 * The Java SDK resuming several subscriptions on a real node: a subscription the SDK re-sends as a
 * command (every severity-filtered one) is replayed after the query's, with sequences below those
 * already delivered; none of its events may be dropped as a duplicate, none delivered twice.
 */
@Tag("integration")
class ClientResumeTest {

  @RegisterExtension static final NodesExtension nodes = NodesExtension.start(1);

  private static String url() {
    return "ws://127.0.0.1:" + nodes.node(0).gatewayPort() + "/ushs/v1/ws";
  }

  private record Received(
      UshsClient client,
      LinkedBlockingQueue<UshsEvent> events,
      LinkedBlockingQueue<ReplayResult> replays) {}

  private static Received client(ClientOptions.Builder options) {
    LinkedBlockingQueue<UshsEvent> events = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<ReplayResult> replays = new LinkedBlockingQueue<>();
    UshsClient client =
        UshsClient.create(
                nodes.vertx(), options.endpoint(url()).bearer(nodes.subscriberToken()).build())
            .onEvent(events::add)
            .onReplay(replays::add);
    return new Received(client, events, replays);
  }

  private static String publish(String service, String severity) {
    JsonObject event = Publish.error(service, severity);
    nodes.publish().ok(event);
    return event.getString("id");
  }

  @Test
  void aSeverityFilteredSubscriptionGetsItsMissedEventsAfterTheQuerysReplay() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Subscription inQuery = Subscription.of("error").withServices("a-" + tag);
    Subscription filtered =
        Subscription.of("error").withServices("b-" + tag).withSeverities("critical");
    Received first = client(ClientOptions.builder().subscription(inQuery));
    first.client().subscribe(filtered);
    TestNodes.await(first.client().connect());
    String marker = publish("a-" + tag, "high");
    assertEquals(marker, first.events().poll(15, TimeUnit.SECONDS).id());
    String storedId = first.client().lastEventId();
    EventPosition stored = first.client().lastPosition();
    TestNodes.await(first.client().close());

    List<String> missed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      missed.add(publish("a-" + tag, "high"));
      missed.add(publish("b-" + tag, "critical"));
      publish("b-" + tag, "low"); // filtered out by severity
    }

    Received again =
        client(ClientOptions.builder().subscription(inQuery).resumeFrom(storedId, stored));
    again.client().subscribe(filtered);
    TestNodes.await(again.client().connect());
    List<String> delivered = new ArrayList<>();
    for (int i = 0; i < missed.size(); i++) {
      UshsEvent event = again.events().poll(15, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("missing: only " + delivered + " of " + missed);
      }
      delivered.add(event.id());
    }
    List<String> ofQuery = List.of(missed.get(0), missed.get(2), missed.get(4), missed.get(6));
    List<String> ofCommand = List.of(missed.get(1), missed.get(3), missed.get(5), missed.get(7));
    assertEquals(ofQuery, delivered.subList(0, 4), "the query's subscription replays first");
    assertEquals(ofCommand, delivered.subList(4, 8), "then the command's, lower sequences too");
    for (int i = 0; i < 2; i++) {
      ReplayResult replay = again.replays().poll(15, TimeUnit.SECONDS);
      assertTrue(replay != null && replay.recovered() && replay.count() == 4, "replay " + replay);
    }
    String live = publish("b-" + tag, "critical");
    assertEquals(live, again.events().poll(15, TimeUnit.SECONDS).id());
    assertNull(again.events().poll(300, TimeUnit.MILLISECONDS), "nothing twice");
    TestNodes.await(again.client().close());
  }
}
