package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionLogTest {

  private static final ResumePoint NONE = ResumePoint.NONE;

  private static List<String> commands(SubscriptionLog log) {
    return log.plan().commands().stream()
        .map(e -> e.command(NONE))
        .map(JsonObject::encode)
        .toList();
  }

  private static Subscription query(SubscriptionLog log) {
    return log.plan().query() == null ? null : log.plan().query().subscription();
  }

  @Test
  void theFirstSubscriptionGoesInTheQueryTheRestAsCommands() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error").withServices("api"), NONE);
    log.subscribed(Subscription.of("session").withSession("s1"), NONE);
    assertEquals(Subscription.of("error").withServices("api"), query(log));
    assertEquals(
        List.of(
            "{\"command\":\"subscribe\",\"eventTypes\":[\"session\"],\"filters\":{\"session\":\"s1\"}}"),
        commands(log));
  }

  @Test
  void aSeverityFilterCannotGoInTheQuery() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error").withSeverities("high"), NONE);
    assertNull(query(log));
    assertEquals(
        List.of(
            "{\"command\":\"subscribe\",\"eventTypes\":[\"error\"],\"filters\":{\"severity\":[\"high\"]}}"),
        commands(log));
  }

  @Test
  void unsubscribingEverythingLeavesNothing() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error", "patch"), NONE);
    log.unsubscribed(List.of("error"));
    log.unsubscribed(List.of("patch"));
    assertEquals(List.of(), log.entries());
    assertNull(query(log));
  }

  @Test
  void anUnsubscribeThatNarrowsAWildcardIsKeptInOrder() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("*"), NONE);
    log.unsubscribed(List.of("health"));
    log.subscribed(Subscription.of("org.ushs.health.alert"), NONE);
    assertEquals(Subscription.of("*"), query(log));
    assertEquals(
        List.of(
            "{\"command\":\"unsubscribe\",\"eventTypes\":[\"health\"]}",
            "{\"command\":\"subscribe\",\"eventTypes\":[\"org.ushs.health.alert\"]}"),
        commands(log));
  }

  @Test
  void togglingDoesNotGrowTheLog() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("*"), NONE);
    for (int i = 0; i < 100; i++) {
      log.subscribed(Subscription.of("error"), NONE);
      log.unsubscribed(List.of("error"));
    }
    assertEquals(2, log.entries().size());
  }

  @Test
  void aRefusedSubscriptionIsForgotten() {
    SubscriptionLog log = new SubscriptionLog();
    log.subscribed(Subscription.of("error"), NONE);
    log.refused(log.subscribed(Subscription.of("deployment"), NONE));
    assertEquals(List.of(), commands(log));
    assertEquals(Subscription.of("error"), query(log));
  }

  private static ResumePoint at(String id, long sequence) {
    return new ResumePoint(id, new EventPosition("e1", sequence));
  }

  @Test
  void eachSubscriptionResumesFromItsOwnMark() {
    SubscriptionLog log = new SubscriptionLog();
    SubscriptionLog.Entry live = log.subscribed(Subscription.of("error"), at("a", 3));
    SubscriptionLog.Entry replaying =
        log.subscribed(Subscription.of("patch").withSeverities("high"), at("a", 3));
    SubscriptionLog.Entry waiting = log.subscribed(Subscription.of("session"), at("w", 7));
    live.phase(SubscriptionLog.Phase.LIVE);
    replaying.phase(SubscriptionLog.Phase.REPLAYING);
    assertEquals(at("p", 5), log.lowest(at("n", 9), at("p", 5)));
    log.disconnected(at("n", 9), at("p", 5));
    assertEquals(at("n", 9), live.mark());
    assertEquals(at("p", 5), replaying.mark());
    assertEquals(at("w", 7), waiting.mark());
    assertEquals(at("p", 5), log.lowest(at("n", 9), null));
    assertEquals(
        "{\"command\":\"subscribe\",\"eventTypes\":[\"patch\"],\"filters\":{\"severity\":[\"high\"]},"
            + "\"lastPosition\":\"e1:5\",\"lastEventId\":\"p\"}",
        replaying.command(at("n", 9)).encode());
  }
}
