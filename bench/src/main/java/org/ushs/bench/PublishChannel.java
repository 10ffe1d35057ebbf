package org.ushs.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** How the generator hands events to the server under test; used on the publisher's context. */
interface PublishChannel {

  /** The answer of a request the server took. */
  int ACCEPTED = 202;

  Future<Void> open(Vertx vertx);

  /**
   * Sends {@code events} (publish numbers {@code first}, {@code first + 1}...) as one request; the
   * future holds {@link #ACCEPTED} once the server has taken them, or another status.
   */
  Future<Integer> send(long first, List<byte[]> events);
}
