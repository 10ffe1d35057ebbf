package org.ushs.client;

import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.ushs.client.event.UshsEvent;

/**
 * What reaches the application's listeners from the connections: events, each once ({@link
 * ResumeState} decides), {@code replay} answers, gaps and error messages. Malformed events and gaps
 * are skipped: there is nothing an application could do with them. Runs on the client's context.
 */
final class Delivery {

  private final Listeners listeners;
  private final ResumeState resume;
  private final Supplier<ResumePoint> resumesFrom;

  /** {@code resumesFrom}: where the client would resume every subscription now. */
  Delivery(Listeners listeners, ResumeState resume, Supplier<ResumePoint> resumesFrom) {
    this.listeners = listeners;
    this.resume = resume;
    this.resumesFrom = resumesFrom;
  }

  void event(JsonObject json) {
    UshsEvent event;
    try {
      event = UshsEvent.of(json);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (resume.admit(event)) {
      Listeners.fire(listeners.events, event);
    }
  }

  void replay(JsonObject json, boolean closesWindow) {
    boolean recovered = json.getBoolean("recovered", false);
    String epoch = json.getValue("epoch") instanceof String e ? e : null;
    boolean epochChanged = resume.replayed(epoch, recovered, closesWindow);
    ReplayResult result =
        new ReplayResult(
            recovered,
            json.getInteger("count", 0),
            resumesFrom.get().lastEventId(),
            epoch,
            epochChanged);
    Listeners.fire(listeners.replays, result);
  }

  void gap(JsonObject json) {
    Gap gap;
    try {
      gap = Gap.of(json);
    } catch (IllegalArgumentException malformed) {
      return;
    }
    Listeners.fire(listeners.gaps, gap);
  }

  void error(UshsError error) {
    Listeners.fire(listeners.errors, error);
  }
}
