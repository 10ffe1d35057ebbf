package org.ushs.gateway.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.Category;
import org.ushs.common.event.EventKeys;

/** {@link Subscriptions}: subscribe adds, unsubscribe removes and narrows, one match per event. */
class SubscriptionsTest {

  private static final String ALL_TYPES =
      "org.ushs.error.detected org.ushs.error.resolved org.ushs.session.started"
          + " org.ushs.patch.generated org.ushs.deployment.progress org.ushs.health.node.up";

  private final Subscriptions subscriptions = new Subscriptions();

  private static List<Selector> selectors(String cell) {
    return Arrays.stream(cell.trim().split(" +"))
        .map(name -> Selector.parse(name).orElseThrow())
        .toList();
  }

  private static EventKeys event(String type) {
    Category category = Category.ofType(type).orElseThrow();
    return new EventKeys("id", "/src", type, category, "api", "high", "s-1");
  }

  /** The types of {@link #ALL_TYPES} the subscriptions match, space-separated. */
  private String matched() {
    return Arrays.stream(ALL_TYPES.split(" "))
        .filter(type -> subscriptions.matches(event(type)))
        .collect(Collectors.joining(" "));
  }

  private String categories() {
    return subscriptions.categories().stream()
        .map(Category::wireName)
        .sorted()
        .collect(Collectors.joining(" "));
  }

  /** Columns: subscribed names, unsubscribed names ({@code -}: none), matched types, categories. */
  @ParameterizedTest(name = "subscribe {0}, unsubscribe {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          *                        | -                        | org.ushs.error.detected org.ushs.error.resolved org.ushs.session.started org.ushs.patch.generated org.ushs.deployment.progress org.ushs.health.node.up | deployment error health patch session
          error                    | -                        | org.ushs.error.detected org.ushs.error.resolved | error
          error session            | -                        | org.ushs.error.detected org.ushs.error.resolved org.ushs.session.started | error session
          org.ushs.error.detected  | -                        | org.ushs.error.detected | error
          *                        | error                    | org.ushs.session.started org.ushs.patch.generated org.ushs.deployment.progress org.ushs.health.node.up | deployment health patch session
          *                        | error session patch      | org.ushs.deployment.progress org.ushs.health.node.up | deployment health
          *                        | *                        | '' | ''
          error session            | *                        | '' | ''
          error session            | session                  | org.ushs.error.detected org.ushs.error.resolved | error
          error                    | error                    | '' | ''
          error                    | session                  | org.ushs.error.detected org.ushs.error.resolved | error
          org.ushs.error.detected org.ushs.patch.generated | org.ushs.error.detected | org.ushs.patch.generated | patch
          org.ushs.error.detected org.ushs.patch.generated | error | org.ushs.patch.generated | patch
          org.ushs.error.detected org.ushs.patch.generated | *     | '' | ''
          org.ushs.error.detected  | org.ushs.error.resolved  | org.ushs.error.detected | error
          error                    | org.ushs.error.detected  | org.ushs.error.resolved | error
          *                        | org.ushs.error.detected  | org.ushs.error.resolved org.ushs.session.started org.ushs.patch.generated org.ushs.deployment.progress org.ushs.health.node.up | deployment error health patch session
          """)
  void unsubscribeRemovesAndNarrows(
      String subscribed, String unsubscribed, String matched, String categories) {
    subscriptions.add(selectors(subscribed), Filter.NONE);
    if (!unsubscribed.equals("-")) {
      subscriptions.remove(selectors(unsubscribed));
    }
    assertEquals(matched, matched());
    assertEquals(categories, categories());
  }

  /** Unsubscribe says whether it changed anything: a name never subscribed changes nothing. */
  @ParameterizedTest(name = "subscribe {0}, unsubscribe {1} -> changed {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          error                   | session                 | false
          error                   | org.ushs.error.detected | true
          org.ushs.error.detected | org.ushs.error.resolved | false
          org.ushs.error.detected | error                   | true
          *                       | patch                   | true
          session                 | *                       | true
          """)
  void unsubscribeSaysWhetherItChangedAnything(
      String subscribed, String unsubscribed, boolean changed) {
    subscriptions.add(selectors(subscribed), Filter.NONE);
    assertEquals(changed, subscriptions.remove(selectors(unsubscribed)));
    assertFalse(
        subscriptions.remove(selectors(unsubscribed)), "twice changes nothing the second time");
  }

  @Test
  void aSubscribeWithTheFilterOfAnEarlierOneJoinsIt() {
    subscriptions.add(selectors("error"), Filter.NONE);
    assertEquals(1, subscriptions.countAfterAdding(Filter.NONE));
    subscriptions.add(selectors("session error"), Filter.NONE);
    assertEquals(2, subscriptions.selectorCount(), "error once");
    Filter api = new Filter(Set.of("api"), null, null);
    assertEquals(2, subscriptions.countAfterAdding(api));
  }

  @Test
  void matchingCostsNoMoreForMoreSelectorsOfOneCategory() {
    subscriptions.add(selectors("org.ushs.error.detected"), Filter.NONE);
    for (int i = 0; i < 100; i++) {
      subscriptions.add(selectors("org.ushs.error.detected"), Filter.NONE);
    }
    assertEquals(1, subscriptions.selectorCount(), "the same selector is kept once");
    assertTrue(subscriptions.matches(event("org.ushs.error.detected")));
  }

  @Test
  void nothingMatchesWithoutASubscription() {
    assertEquals("", matched());
    assertEquals(Set.of(), subscriptions.categories());
  }

  @Test
  void unsubscribeAppliesToEverySubscription() {
    subscriptions.add(selectors("error session"), Filter.NONE);
    subscriptions.add(selectors("*"), new Filter(Set.of("api"), null, null));
    subscriptions.remove(selectors("error"));
    assertEquals(
        "org.ushs.session.started org.ushs.patch.generated org.ushs.deployment.progress"
            + " org.ushs.health.node.up",
        matched());
    assertEquals(EnumSet.complementOf(EnumSet.of(Category.ERROR)), subscriptions.categories());
  }

  @Test
  void eventMatchingSeveralSubscriptionsMatchesOnce() {
    subscriptions.add(selectors("error"), Filter.NONE);
    subscriptions.add(
        selectors("* org.ushs.error.detected"), new Filter(null, Set.of("high"), null));
    assertTrue(subscriptions.matches(event("org.ushs.error.detected")));
    subscriptions.remove(selectors("org.ushs.error.detected"));
    assertFalse(
        subscriptions.matches(event("org.ushs.error.detected")),
        "a full type unsubscribed is excluded from error and * too");
    assertTrue(subscriptions.matches(event("org.ushs.error.resolved")), "still under error and *");
  }

  /**
   * Each subscription's filter applies to its own selectors only. Columns: the event's service,
   * severity, session ({@code -}: absent), its type, then whether it matches.
   */
  @ParameterizedTest(name = "{3} {0} {1} {2} -> {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          api | high | -   | org.ushs.error.detected  | true
          web | high | -   | org.ushs.error.detected  | false
          api | low  | -   | org.ushs.error.detected  | false
          -   | -    | -   | org.ushs.error.detected  | true
          web | low  | s-1 | org.ushs.session.started | true
          web | low  | s-2 | org.ushs.session.started | false
          -   | -    | s-2 | org.ushs.session.started | false
          -   | -    | -   | org.ushs.session.started | true
          api | high | s-1 | org.ushs.patch.generated | false
          """)
  void filtersApplyPerSubscription(
      String service, String severity, String session, String type, boolean matches) {
    subscriptions.add(
        selectors("error"), new Filter(Set.of("api"), Set.of("critical", "high"), null));
    subscriptions.add(selectors("session"), new Filter(null, null, "s-1"));
    EventKeys keys =
        new EventKeys(
            "id",
            "/src",
            type,
            Category.ofType(type).orElseThrow(),
            service.equals("-") ? null : service,
            severity.equals("-") ? null : severity,
            session.equals("-") ? null : session);
    assertEquals(matches, subscriptions.matches(keys));
  }

  @Test
  void severityFilterDoesNotHideSessionEvents() {
    subscriptions.add(selectors("error session"), new Filter(null, Set.of("critical"), null));
    EventKeys session =
        new EventKeys("id", "/src", "org.ushs.session.started", Category.SESSION, null, null, "s");
    assertTrue(subscriptions.matches(session));
    assertFalse(subscriptions.matches(event("org.ushs.error.detected")), "high is not critical");
    EventKeys critical =
        new EventKeys("id", "/src", "org.ushs.error.x", Category.ERROR, "api", "critical", null);
    assertTrue(subscriptions.matches(critical));
  }

  /**
   * The services each category's subscriptions are limited to, as the hub indexes them. Each row
   * subscribes (selectors : services, {@code *} for none) then asks for the categories; the answer
   * is the sorted services, {@code any}, or {@code ''} for none.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          error:a                         | error=a session=''
          error:a,b ; error:c             | error=a,b,c session=''
          error:a ; error:*               | error=any session=''
          *:a ; session:*                 | error=a session=any
          org.ushs.error.detected:a ; error:b | error=a,b session=''
          session:a                       | error='' session=a
          """)
  void servicesPerCategory(String subscribed, String expected) {
    for (String subscription : subscribed.split(";", -1)) {
      String[] parts = subscription.trim().split(":", -1);
      Set<String> services = parts[1].equals("*") ? null : Set.of(parts[1].split(",", -1));
      subscriptions.add(selectors(parts[0]), new Filter(services, null, null));
    }
    String actual = "error=" + describe(Category.ERROR) + " session=" + describe(Category.SESSION);
    assertEquals(expected, actual);
  }

  private String describe(Category category) {
    if (!subscriptions.categories().contains(category)) {
      return "''";
    }
    Set<String> services = subscriptions.services(category);
    return services == null ? "any" : services.stream().sorted().collect(Collectors.joining(","));
  }
}
