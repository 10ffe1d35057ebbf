package org.ushs.publisher;

import com.hazelcast.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Joins a healing service to a USHS cluster, so that it can publish with {@link UshsPublisher}.
 *
 * <p>The service becomes a Hazelcast <em>lite member</em>: a full member of the cluster and its
 * event bus, but one that holds no partition of the replay log or of any other data. Its arrival or
 * loss never moves or risks a logged event, and it is not counted by the log's split-brain
 * protection (which counts the USHS nodes only).
 *
 * <p>The nodes open connections to the service, both Hazelcast (to {@code host:port}) and the event
 * bus (to {@code host} on a random port, for the acks): {@code host} must be reachable from every
 * node.
 */
public final class UshsMember {

  private UshsMember() {}

  /** A clustered Vert.x, joined as a lite member; close it to leave. */
  public static Future<Vertx> join(JoinSettings settings) {
    return join(settings, new VertxOptions());
  }

  /** As {@link #join(JoinSettings)}, with the service's own options (its event bus host is set). */
  public static Future<Vertx> join(JoinSettings settings, VertxOptions options) {
    String address;
    try {
      address = MemberConfig.resolve(settings.host());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Config config =
        MemberConfig.base(
            settings.hazelcastClusterName(), address, settings.port(), settings.members());
    config.setLiteMember(true);
    VertxOptions joined =
        new VertxOptions(options)
            .setEventBusOptions(
                settings
                    .tls()
                    .apply(
                        new EventBusOptions(options.getEventBusOptions())
                            .setHost(address)
                            .setClusterPublicHost(address)));
    return Vertx.builder()
        .with(joined)
        .withClusterManager(new HazelcastClusterManager(config))
        .buildClustered();
  }
}
