package org.ushs.common.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Whether the node can serve: the future succeeds with details when the cluster is joined and the
 * log answers, and fails with the reason otherwise.
 */
@FunctionalInterface
public interface Readiness {

  Future<JsonObject> check();

  /**
   * Why this node cannot now vouch for the log's history (without the log's quorum, or catching up
   * after rejoining the cluster), or empty when it can. A node that cannot vouch refuses resumes
   * with a retryable code rather than answer {@code recovered:true} from a log that may lack
   * acknowledged events. Cheap, no I/O; any thread.
   */
  default Optional<String> historyWithheld() {
    return Optional.empty();
  }
}
