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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.auth.Authenticator;
import org.ushs.common.bus.EventBatchCodec;
import org.ushs.common.bus.EventFeed;
import org.ushs.common.config.ConfigException;
import org.ushs.common.config.FileDescriptors;
import org.ushs.common.config.GatewaySettings;
import org.ushs.common.config.IngestSettings;
import org.ushs.common.config.ReplaySettings;
import org.ushs.common.config.Role;
import org.ushs.common.config.UshsConfig;
import org.ushs.common.log.BusLogReader;
import org.ushs.common.log.LogReader;
import org.ushs.common.log.writer.WriterClient;
import org.ushs.common.log.writer.WriterEndpoint;
import org.ushs.common.net.SharedPort;
import org.ushs.gateway.GatewayMetrics;
import org.ushs.gateway.GatewayVerticle;
import org.ushs.gateway.connection.ConnectionLimits;
import org.ushs.gateway.security.GatewaySecurity;
import org.ushs.ingest.IngestVerticle;
import org.ushs.publisher.MemberConfig;
import org.ushs.replay.ReplayVerticle;

/**
 * One USHS node: a clustered Vert.x on Hazelcast with the roles of its configuration deployed. The
 * only place that knows the cluster manager.
 */
public final class Node {

  private static final Logger LOG = Logger.getLogger(Node.class.getName());

  private static final Duration BUS_READ_TIMEOUT = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final HazelcastClusterManager cluster;
  private final NodeTelemetry telemetry;
  private final List<String> deployments = new ArrayList<>();
  private final List<GatewayVerticle> gateways = new CopyOnWriteArrayList<>();
  private final List<IngestVerticle> ingests = new CopyOnWriteArrayList<>();
  private NodeReadiness readiness;
  private Future<Void> closed;
  private int gatewayPort = -1;
  private int ingestPort = -1;

  private Node(Vertx vertx, HazelcastClusterManager cluster, NodeTelemetry telemetry) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.telemetry = telemetry;
  }

  /** Joins the cluster and deploys the configured roles; some credential source must be set. */
  public static Future<Node> start(UshsConfig config) {
    String address;
    try {
      address = MemberConfig.resolve(config.cluster().host());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ConfigException("USHS_CLUSTER_HOST", e.getMessage()));
    }
    HazelcastAsync.bound();
    HazelcastClusterManager cluster =
        new HazelcastClusterManager(
            HazelcastSetup.config(config.cluster(), address, config.replay()));
    NodeTelemetry telemetry = new NodeTelemetry(address + ":" + config.cluster().port());
    VertxOptions options =
        telemetry.apply(
            new VertxOptions()
                .setEventLoopPoolSize(eventLoops(config))
                .setPreferNativeTransport(true)
                .setEventBusOptions(
                    BusTls.of(config.cluster())
                        .apply(
                            new EventBusOptions().setHost(address).setClusterPublicHost(address))));
    return Vertx.builder()
        .with(options)
        .withClusterManager(cluster)
        .withMetrics(telemetry.factory())
        .buildClustered()
        .compose(vertx -> new Node(vertx, cluster, telemetry).deploy(config));
  }

  /**
   * One event loop per core, or per gateway or ingest instance when there are more: Vert.x's
   * default of two per core spread the contexts one publish passes through (ingest, writer, feed,
   * gateways) over more threads, and each hop between two of them cost a wake-up. At 500
   * publishes/s on 2 cores, two loops instead of four cut context switches from 7.9 to 5.2 per
   * event.
   */
  private static int eventLoops(UshsConfig config) {
    int instances = Math.max(config.gateway().instances(), config.ingest().instances());
    return Math.max(Runtime.getRuntime().availableProcessors(), instances);
  }

  private Future<Node> deploy(UshsConfig config) {
    EventBatchCodec.register(vertx.eventBus());
    HazelcastInstance hazelcast = cluster.getHazelcastInstance();
    LogWiring logPath = new LogWiring(vertx, hazelcast, config.replay());
    LogReader log = logPath.log;
    EventFeed feed = new EventFeed();
    Optional<Quorum> quorum = Quorum.of(config.cluster().members());
    readiness =
        new NodeReadiness(
            vertx,
            cluster,
            log,
            quorum,
            logPath.health,
            config.runs(Role.GATEWAY) ? Optional.of(feed) : Optional.empty());
    ClusterEvents.watch(hazelcast);
    ClusterGauges.register(vertx, hazelcast, quorum, telemetry.registry());
    Authenticator auth = NodeAuth.authenticator(vertx, config);
    WriterEndpoint writers = logPath.endpoint(telemetry.registry());
    Future<Void> chain = track(vertx.deployVerticle(writers));
    if (config.runs(Role.REPLAY)) {
      chain = chain.compose(v -> track(vertx.deployVerticle(new ReplayVerticle(log))));
    }
    if (config.runs(Role.INGEST)) {
      chain = chain.compose(v -> deployIngest(config.ingest(), auth, logPath.client(writers)));
    }
    if (config.runs(Role.GATEWAY)) {
      GatewaySecurity security =
          new GatewaySecurity(auth, config.tls(), config.auth().allowedOrigins());
      chain =
          chain
              .compose(v -> feed.start(vertx))
              .compose(
                  v ->
                      deployGateways(
                          config.gateway(),
                          config.replay(),
                          security,
                          feed,
                          reader(config, log),
                          publishPortConnections(config)));
    }
    return chain.map(v -> this).recover(failure -> closeAfter(failure));
  }

  /**
   * Fails the start at once and closes Vert.x behind it. Waiting for the close first lost the
   * failure: its listener's event loop was gone once Vert.x was closed, Main never heard of it, and
   * the process ended with status 0 and no word of the cause.
   */
  private Future<Node> closeAfter(Throwable failure) {
    LOG.log(Level.SEVERE, "start failed", failure);
    vertx.close();
    return Future.failedFuture(failure);
  }

  /**
   * With the replay role here, gateways read the log directly: Hazelcast fails a read over to the
   * log's new owner when a node dies, where a bus request may still go to the dead node's replay
   * verticle and wait out its timeout. Without it, they read through the replay verticles.
   */
  private LogReader reader(UshsConfig config, LogReader log) {
    return config.runs(Role.REPLAY) ? log : new BusLogReader(vertx.eventBus(), BUS_READ_TIMEOUT);
  }

  /** The publish port's bound on connections: none without the ingest role. */
  private static int publishPortConnections(UshsConfig config) {
    return config.runs(Role.INGEST) ? config.ingest().maxConnections() : 0;
  }

  private Future<Void> deployIngest(
      IngestSettings settings, Authenticator auth, WriterClient writer) {
    Supplier<IngestVerticle> instances =
        IngestVerticle.instances(settings, auth, writer, readiness, telemetry.telemetry());
    return track(
            vertx.deployVerticle(
                () -> {
                  IngestVerticle ingest = instances.get();
                  ingests.add(ingest);
                  return ingest;
                },
                new DeploymentOptions().setInstances(settings.instances())))
        .onSuccess(v -> ingestPort = ingests.get(0).actualPort());
  }

  private Future<Void> deployGateways(
      GatewaySettings settings,
      ReplaySettings retention,
      GatewaySecurity security,
      EventFeed feed,
      LogReader reader,
      int publishPortConnections) {
    GatewayMetrics gatewayMetrics = new GatewayMetrics(telemetry.registry());
    SharedPort port = new SharedPort(settings.bindHost(), settings.port());
    ConnectionLimits limits =
        new ConnectionLimits(
            settings.maxConnections(),
            settings.maxConnectionsPerIdentity(),
            settings.maxConnectionsPerIp(),
            FileDescriptors.gatewayPortShare(publishPortConnections));
    return track(
            vertx.deployVerticle(
                () -> {
                  GatewayVerticle gateway =
                      new GatewayVerticle(
                          settings,
                          security,
                          reader,
                          feed,
                          readiness,
                          retention,
                          gatewayMetrics,
                          limits,
                          port);
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
   * step did not finish cleanly; Vert.x is closed either way. Closing again returns the same
   * result.
   */
  public synchronized Future<Void> close() {
    if (closed == null) {
      closed = GracefulShutdown.run(vertx, readiness, ingests, gateways);
    }
    return closed;
  }
}
