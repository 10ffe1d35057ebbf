package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionLogTest {

  private static List<String> commands(SubscriptionLog log) {
    return log.plan().commands().stream().map(JsonObject::encode).toList();
  }

  @Test
  void theFirstSubscriptionGoesInTheQueryTheRestAsCommands() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error").withServices("api"));
    log.subscribed(Subscription.of("session").withSession("s1"));
    assertEquals(Subscription.of("error").withServices("api"), log.plan().query());
    assertEquals(
        List.of(
            "{\"command\":\"subscribe\",\"eventTypes\":[\"session\"],\"filters\":{\"session\":\"s1\"}}"),
        commands(log));
  }

  @Test
  void aSeverityFilterCannotGoInTheQuery() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error").withSeverities("high"));
    assertNull(log.plan().query());
    assertEquals(
        List.of(
            "{\"command\":\"subscribe\",\"eventTypes\":[\"error\"],\"filters\":{\"severity\":[\"high\"]}}"),
        commands(log));
  }

  @Test
  void unsubscribingEverythingLeavesNothing() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error", "patch"));
    log.unsubscribed(List.of("error"));
    log.unsubscribed(List.of("patch"));
    assertEquals(List.of(), log.ops());
    assertNull(log.plan().query());
  }

  @Test
  void anUnsubscribeThatNarrowsAWildcardIsKeptInOrder() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("*"));
    log.unsubscribed(List.of("health"));
    log.subscribed(Subscription.of("org.ushs.health.alert"));
    assertEquals(Subscription.of("*"), log.plan().query());
    assertEquals(
        List.of(
            "{\"command\":\"unsubscribe\",\"eventTypes\":[\"health\"]}",
            "{\"command\":\"subscribe\",\"eventTypes\":[\"org.ushs.health.alert\"]}"),
        commands(log));
  }

  @Test
  void togglingDoesNotGrowTheLog() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("*"));
    for (int i = 0; i < 100; i++) {
      log.subscribed(Subscription.of("error"));
      log.unsubscribed(List.of("error"));
    }
    assertEquals(2, log.ops().size());
  }

  @Test
  void aRefusedSubscriptionIsForgotten() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error"));
    log.subscribed(Subscription.of("deployment"));
    log.refused(Subscription.of("deployment"));
    assertEquals(List.of(), commands(log));
    assertEquals(Subscription.of("error"), log.plan().query());
  }
}
