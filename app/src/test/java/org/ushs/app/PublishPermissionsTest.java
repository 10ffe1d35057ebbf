package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ushs.common.auth.Permissions;
import org.ushs.common.event.Category;
import org.ushs.publisher.Ack;
import org.ushs.publisher.PublishRejected;
import org.ushs.publisher.UshsPublisher;

/**
 * A publisher's {@code eventTypes} and {@code services} bound what it may publish, over HTTP and
 * over the bus ({@code ushs.ingest}): an event outside them is refused 403, naming the event. On
 * the bus, a message without credentials is trusted by default (the cluster network is the trust
 * boundary) and refused 401 where {@code USHS_BUS_REQUIRE_CREDENTIALS=true}.
 */
class PublishPermissionsTest {

  private static TestNodes trusting;
  private static TestNodes strict;
  private static Vertx vertx;
  private static String svcAErrors;

  @BeforeAll
  static void start() {
    trusting = TestNodes.start(1, Map.of());
    strict = TestNodes.start(1, Map.of("USHS_BUS_REQUIRE_CREDENTIALS", "true"));
    vertx = Vertx.vertx();
    svcAErrors =
        TestNodes.token(vertx, new Permissions(EnumSet.of(Category.ERROR), Set.of("svc-a"), true));
  }

  @AfterAll
  static void stop() {
    vertx.close();
    trusting.close();
    strict.close();
  }

  @Test
  void overHttpOnlyTheTypesAndServicesOfTheTokenArePublished() {
    Publish publish = new Publish(vertx, trusting.node(0).ingestPort(), svcAErrors);
    publish.ok(Publish.error("svc-a", "high"));
    JsonObject other = Publish.error("svc-b", "high");
    assertForbidden(publish.structured(other), other.getString("id"), 0, "service 'svc-b'");
    JsonObject session = Publish.session("s-1");
    assertForbidden(publish.structured(session), session.getString("id"), 0, "event type session");
    JsonObject late = Publish.error("svc-c", "low");
    JsonArray batch = new JsonArray().add(Publish.error("svc-a", "low")).add(late);
    assertForbidden(publish.batch(batch), late.getString("id"), 1, "service 'svc-c'");
    publish.close();
  }

  @Test
  void onATrustingNodeTheBusTakesPublishesWithoutCredentialsAndChecksThoseWithThem() {
    UshsPublisher bus = UshsPublisher.create(trusting.node(0).vertx());
    await(bus.publish(Publish.session("s-2")));
    UshsPublisher svcA = bus.withBearerToken(svcAErrors);
    await(svcA.publish(Publish.error("svc-a", "low")));
    PublishRejected refused = rejected(svcA.publish(Publish.error("svc-b", "low")));
    assertEquals(403, refused.status());
    assertTrue(refused.getMessage().contains("service 'svc-b'"), refused.getMessage());
    assertEquals(
        401, rejected(bus.withBearerToken("not-a-token").publish(Publish.session("s"))).status());
  }

  @Test
  void onAStrictNodeTheBusRefusesPublishesWithoutCredentials() {
    UshsPublisher bus = UshsPublisher.create(strict.node(0).vertx());
    PublishRejected refused = rejected(bus.publish(Publish.session("s-3")));
    assertEquals(401, refused.status());
    assertTrue(refused.getMessage().contains("credentials required"), refused.getMessage());
    Ack ack =
        await(bus.withBearerToken(TestNodes.publisherToken(vertx)).publish(Publish.session("s-4")));
    assertEquals(1, ack.accepted().size());
  }

  private static void assertForbidden(
      HttpResponse<Buffer> response, String id, int index, String why) {
    assertEquals(403, response.statusCode(), response.bodyAsString());
    String detail = response.bodyAsJsonObject().getString("detail");
    assertTrue(detail.contains("event '" + id + "' at index " + index), detail);
    assertTrue(detail.contains(why), detail);
  }

  private static PublishRejected rejected(Future<Ack> publish) {
    try {
      publish.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      return assertInstanceOf(PublishRejected.class, e.getCause());
    }
    throw new AssertionError("published");
  }

  private static <T> T await(Future<T> future) {
    return TestNodes.await(future);
  }
}
