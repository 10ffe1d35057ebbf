package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.client.event.UshsEvent;

class ResumeStateTest {

  /**
   * Events, replay windows and replay answers, in order: {@code id@epoch:seq}, {@code id@seq}, a
   * window opened from a mark {@code W@epoch:seq}, a replay answer {@code R:epoch}.
   */
  private static List<String> delivered(ResumeState state, String script) {
    List<String> delivered = new ArrayList<>();
    for (String step : script.split(" ", -1)) {
      if (step.startsWith("R:")) {
        state.replayed(step.substring(2), true, true);
        continue;
      }
      if (step.startsWith("W@")) {
        SubscriptionLog.Entry entry =
            new SubscriptionLog()
                .subscribed(
                    Subscription.of("*"),
                    new ResumePoint("w", EventPosition.parse(step.substring(2))));
        state.openWindow(entry);
        continue;
      }
      String id = step.substring(0, step.indexOf('@'));
      String at = step.substring(step.indexOf('@') + 1);
      JsonObject json = FakeGateway.event(id, Long.parseLong(at.substring(at.indexOf(':') + 1)));
      if (at.contains(":")) {
        json.put("epoch", at.substring(0, at.indexOf(':')));
      }
      if (state.admit(UshsEvent.of(json))) {
        delivered.add(id);
      }
    }
    return delivered;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "same epoch: not above the last is dropped | a@e1:5 b@e1:5 c@e1:4 d@e1:6 | a d",
        "another epoch mid-stream is delivered | a@e1:5 b@e2:0 c@e2:1 d@e2:1 | a b c",
        "a replay of another epoch, then low sequences | a@e1:5 R:e2 b@e2:0 c@e2:0 | a b",
        "a replay of the same epoch changes nothing | a@e1:5 R:e1 b@e1:5 c@e1:6 | a c",
        "a server without epochs: sequences only | a@3 b@3 c@4 | a c",
        "back to an older epoch is another epoch | a@e2:9 b@e1:1 c@e1:1 | a b",
        "a window takes lower sequences from its mark | a@e1:9 W@e1:3 b@e1:4 c@e1:7 R:e1 | a b c",
        "in a window, in order from the mark | a@e1:9 W@e1:3 b@e1:3 c@e1:5 d@e1:4 e@e1:5 | a c",
        "a window past the newest moves it | a@e1:9 W@e1:3 b@e1:4 c@e1:12 R:e1 d@e1:11 | a b c",
        "after the window, live order again | a@e1:9 W@e1:3 b@e1:4 R:e1 c@e1:8 d@e1:10 | a b d",
        "a window of another epoch starts over | a@e1:9 W@e0:3 b@e2:0 c@e2:1 R:e2 | a b c"
      })
  void dropsDuplicatesWithinAnEpochOnly(String name, String script, String expected) {
    assertEquals(List.of(expected.split(" ", -1)), delivered(new ResumeState(null, null), script));
  }

  @Test
  void aConfiguredPositionIsTheFirstComparison() {
    ResumeState state = new ResumeState("e-7", new EventPosition("e1", 7));
    assertEquals(List.of("b", "c"), delivered(state, "a@e1:7 b@e1:8 c@e2:0"));
    assertEquals(new ResumePoint("c", new EventPosition("e2", 0)), state.newest());
  }

  @Test
  void theResumePointStaysTheLastDeliveredEventsAfterAReplayOfAnotherEpoch() {
    ResumeState state = new ResumeState(null, null);
    delivered(state, "a@e1:5");
    assertEquals(false, state.replayed("e1", true, false));
    assertEquals(true, state.replayed("e2", false, false));
    assertEquals("e2", state.epoch());
    assertEquals(new ResumePoint("a", new EventPosition("e1", 5)), state.newest());
  }

  @Test
  void learningTheFirstEpochIsNoChange() {
    ResumeState state = new ResumeState("earliest", null);
    assertEquals(false, state.replayed("e1", true, false));
    assertEquals(new ResumePoint("earliest", null), state.newest());
  }

  @Test
  void recoveredFalseFromAServerWithoutEpochsAcceptsRestartedSequences() {
    ResumeState state = new ResumeState(null, null);
    delivered(state, "a@9");
    state.replayed(null, false, false);
    assertEquals(List.of("b"), delivered(state, "b@0"));
    assertNull(state.newest().position());
  }

  @Test
  void aWindowsProgressIsWhereItsSubscriptionResumesTheNewestStaysForTheOthers() {
    ResumeState state = new ResumeState(null, null);
    delivered(state, "a@e1:9 W@e1:3 b@e1:4 c@e1:6");
    assertEquals(new ResumePoint("c", new EventPosition("e1", 6)), state.windowProgress());
    assertEquals(new ResumePoint("a", new EventPosition("e1", 9)), state.newest());
    state.replayed("e1", true, true);
    assertNull(state.windowProgress());
  }
}
