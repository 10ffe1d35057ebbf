package org.ushs.app;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.auth.JwtAuthenticator;
import org.ushs.common.bus.EventBatchCodec;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.config.Role;
import org.ushs.common.config.UshsConfig;
import org.ushs.common.log.BusLogReader;
import org.ushs.common.log.EventLog;
import org.ushs.common.log.PublishDedupe;
import org.ushs.common.log.RingbufferEventLog;
import org.ushs.gateway.GatewayVerticle;
import org.ushs.gateway.connection.ConnectionLimits;
import org.ushs.ingest.IngestVerticle;
import org.ushs.replay.ReplayVerticle;

/**
 * One USHS node: a clustered Vert.x on Hazelcast with the roles of its configuration deployed. The
 * only place that knows the cluster manager.
 */
public final class Node {

  private static final Duration BUS_READ_TIMEOUT = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final HazelcastClusterManager cluster;
  private final List<String> deployments = new ArrayList<>();
  private final List<GatewayVerticle> gateways = new CopyOnWriteArrayList<>();
  private IngestVerticle ingest;
  private NodeReadiness readiness;
  private int gatewayPort = -1;
  private int ingestPort = -1;

  private Node(Vertx vertx, HazelcastClusterManager cluster) {
    this.vertx = vertx;
    this.cluster = cluster;
  }

  /** Joins the cluster and deploys the configured roles; the auth secret must be set. */
  public static Future<Node> start(UshsConfig config) {
    HazelcastClusterManager cluster =
        new HazelcastClusterManager(HazelcastSetup.config(config.cluster(), config.replay()));
    String host = config.cluster().host();
    VertxOptions options =
        new VertxOptions()
            .setEventBusOptions(new EventBusOptions().setHost(host).setClusterPublicHost(host));
    return Vertx.builder()
        .with(options)
        .withClusterManager(cluster)
        .buildClustered()
        .compose(vertx -> new Node(vertx, cluster).deploy(config));
  }

  private Future<Node> deploy(UshsConfig config) {
    EventBatchCodec.register(vertx.eventBus());
    HazelcastInstance hazelcast = cluster.getHazelcastInstance();
    EventLog log = new RingbufferEventLog(vertx, hazelcast);
    readiness = new NodeReadiness(cluster, log);
    Authenticator auth = new JwtAuthenticator(vertx, config.auth().jwtSecret());
    Future<Void> chain = Future.succeededFuture();
    if (config.runs(Role.REPLAY)) {
      chain = chain.compose(v -> track(vertx.deployVerticle(new ReplayVerticle(log))));
    }
    if (config.runs(Role.INGEST)) {
      PublishDedupe dedupe = new PublishDedupe(vertx, hazelcast);
      ingest = new IngestVerticle(config.ingest(), auth, log, dedupe, readiness);
      chain =
          chain
              .compose(v -> track(vertx.deployVerticle(ingest)))
              .onSuccess(v -> ingestPort = ingest.actualPort());
    }
    if (config.runs(Role.GATEWAY)) {
      chain = chain.compose(v -> deployGateways(config.gateway(), auth, readiness));
    }
    return chain
        .map(v -> this)
        .recover(failure -> vertx.close().transform(c -> Future.failedFuture(failure)));
  }

  private Future<Void> deployGateways(
      GatewaySettings settings, Authenticator auth, NodeReadiness readiness) {
    BusLogReader reader = new BusLogReader(vertx.eventBus(), BUS_READ_TIMEOUT);
    ConnectionLimits limits =
        new ConnectionLimits(settings.maxConnections(), settings.maxConnectionsPerIdentity());
    return track(
            vertx.deployVerticle(
                () -> {
                  GatewayVerticle gateway =
                      new GatewayVerticle(settings, auth, reader, readiness, limits);
                  gateways.add(gateway);
                  return gateway;
                },
                new DeploymentOptions().setInstances(settings.instances())))
        .onSuccess(v -> gatewayPort = gateways.get(0).actualPort());
  }

  private Future<Void> track(Future<String> deployment) {
    return deployment.onSuccess(deployments::add).mapEmpty();
  }

  public Vertx vertx() {
    return vertx;
  }

  public HazelcastInstance hazelcast() {
    return cluster.getHazelcastInstance();
  }

  /** The client WebSocket port, or -1 without the gateway role. */
  public int gatewayPort() {
    return gatewayPort;
  }

  /** The publish API port, or -1 without the ingest role. */
  public int ingestPort() {
    return ingestPort;
  }

  /**
   * Shuts down gracefully (see {@link GracefulShutdown}): finishes publishes in flight, tells
   * clients to go away, then undeploys the roles, leaves the cluster and closes Vert.x. Fails if a
   * step did not finish cleanly; Vert.x is closed either way.
   */
  public Future<Void> close() {
    return GracefulShutdown.run(vertx, readiness, ingest, gateways);
  }
}
