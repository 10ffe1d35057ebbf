package org.ushs.common.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Whether the node can serve: the future succeeds with details when the cluster is joined and the
 * log answers, and fails with the reason otherwise.
 */
@FunctionalInterface
public interface Readiness {

  Future<JsonObject> check();
}
