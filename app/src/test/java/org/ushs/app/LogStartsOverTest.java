package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ushs.common.bus.Addresses;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.event.EventEnricher;
import org.ushs.common.log.PartitionId;

/**
 * When the log starts over while clients are connected (every copy of it lost: a new epoch, its
 * sequences from 0 again), the clients are not left waiting for sequences that will never come:
 * each is sent away with 1001 to resume by its position, which the node answers {@code
 * recovered:false}. The new epoch's first batch is put on the bus by hand, as the writer of a log
 * that started over would publish it.
 */
class LogStartsOverTest {

  private static final String NEW_EPOCH = "fedcba9876543210";

  @RegisterExtension static final NodesExtension nodes = NodesExtension.start(1);

  @Test
  void connectedClientsAreSentAwayToResume() {
    Node node = nodes.node(0);
    WsClient client =
        WsClient.connect(
            nodes.vertx(),
            node.gatewayPort(),
            "/ushs/v1/ws?subscribe=error",
            nodes.subscriberToken());
    nodes.publish().ok(Publish.error("svc", "low"));
    nodes.publish().ok(Publish.error("svc", "low"));
    assertEquals(2, client.next(2).size());

    JsonObject first = Publish.error("svc", "low");
    EventBatch startedOver =
        EventBatch.live(
            PartitionId.ZERO,
            NEW_EPOCH,
            List.of(EventEnricher.enrich(first, Instant.now()).at(0, NEW_EPOCH)));
    node.vertx().eventBus().publish(Addresses.EVENTS, startedOver);

    assertEquals(1001, client.awaitClose());
    assertEquals("the log started over", client.closeReason());
  }
}
