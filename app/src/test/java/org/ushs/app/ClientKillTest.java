package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ushs.client.BackoffPolicy;
import org.ushs.client.ClientOptions;
import org.ushs.client.ReplayResult;
import org.ushs.client.Subscription;
import org.ushs.client.UshsClient;
import org.ushs.client.event.UshsEvent;

/** kill -9 of the SDK's node (a real process): it resumes on the other node, losing nothing. */
@Tag("process")
class ClientKillTest {

  private final Vertx vertx = Vertx.vertx();
  private ProcessCluster cluster;

  @AfterEach
  void stop() throws InterruptedException {
    if (cluster != null) {
      cluster.stop();
    }
    vertx.close();
  }

  @Test
  void resumesOnASurvivorAfterKillMinusNine() throws Exception {
    cluster = ProcessCluster.start(vertx, "client-kill", 2);
    NodeProcess a = cluster.node(0);
    NodeProcess b = cluster.node(1);
    LinkedBlockingQueue<UshsEvent> events = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<ReplayResult> replays = new LinkedBlockingQueue<>();
    UshsClient client =
        UshsClient.create(
                vertx,
                ClientOptions.builder()
                    .endpoint("ws://127.0.0.1:" + a.gatewayPort + "/ushs/v1/ws")
                    .endpoint("ws://127.0.0.1:" + b.gatewayPort + "/ushs/v1/ws")
                    .bearer(TestNodes.subscriberToken(vertx))
                    .subscription(Subscription.of("error"))
                    .backoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)))
                    .build())
            .onEvent(events::add)
            .onReplay(replays::add);
    TestNodes.await(client.connect());
    Publish publish = new Publish(vertx, b.ingestPort, TestNodes.publisherToken(vertx));
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      published.add(publishRetrying(publish));
    }
    assertEquals(published, ids(events, 5));

    a.kill();
    for (int i = 0; i < 20; i++) {
      published.add(publishRetrying(publish));
    }
    assertEquals(published.subList(5, 25), ids(events, 20), "in order, none missing, none twice");
    ReplayResult replay = replays.poll(15, TimeUnit.SECONDS);
    assertTrue(replay != null && replay.recovered(), "recovered: " + replay);
    publish.close();
    TestNodes.await(client.close());
  }

  /** Publishes one event, retrying (same id: idempotent) while the cluster settles. */
  private static String publishRetrying(Publish publish) throws InterruptedException {
    JsonObject event = Publish.error("kill", "high");
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        HttpResponse<Buffer> response = publish.structured(event);
        if (response.statusCode() == 202) {
          return event.getString("id");
        }
      } catch (AssertionError timeout) {
        // the request did not complete: retried below
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("could not publish within 30 s");
      }
      Thread.sleep(200);
    }
  }

  private static List<String> ids(LinkedBlockingQueue<UshsEvent> events, int count)
      throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UshsEvent event = events.poll(30, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("only " + ids.size() + " of " + count + " events: " + ids);
      }
      ids.add(event.id());
    }
    return ids;
  }
}
