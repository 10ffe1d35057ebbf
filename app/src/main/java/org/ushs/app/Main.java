package org.ushs.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.ushs.common.config.ConfigException;
import org.ushs.common.config.ConfigLoader;
import org.ushs.common.config.LogFormat;
import org.ushs.common.config.UshsConfig;

/**
 * Starts a node from the {@code USHS_*} environment; see README for every setting. With arguments
 * it runs a command instead: {@code keys add ...} ({@link KeysCommand}). On SIGTERM (or any JVM
 * shutdown after start) the node shuts down gracefully and the process exits 0, or 1 if the
 * shutdown did not finish cleanly within {@link #SHUTDOWN_SECONDS}.
 */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());
  private static final long SHUTDOWN_SECONDS = 45;

  private Main() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      System.exit(KeysCommand.run(args, System.out, System.err));
      return;
    }
    long started = System.nanoTime();
    UshsConfig config;
    List<String> warnings = new ArrayList<>();
    try {
      config = ConfigLoader.load(System.getenv(), warnings::add);
    } catch (ConfigException e) {
      System.err.println("ushs: invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    configureLogging(config.logFormat());
    warnings.forEach(LOG::warning);
    boolean dev = config.auth().devMode();
    UshsConfig effective = dev ? DevMode.withRandomSecret(config) : config;
    if (dev) {
      writeDevSecret(effective);
    }
    Node.start(effective)
        .onSuccess(node -> ready(node, effective, dev, started))
        .onFailure(
            failure -> {
              System.err.println("ushs: start failed: " + failure);
              System.exit(1);
            });
  }

  private static void writeDevSecret(UshsConfig config) {
    try {
      DevMode.writeSecretFile(config);
    } catch (IOException e) {
      System.err.println("ushs: invalid configuration: USHS_DEV_SECRET_FILE: cannot write: " + e);
      System.exit(2);
    }
  }

  private static void ready(Node node, UshsConfig config, boolean dev, long started) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    LOG.info(
        () ->
            "ready in "
                + millis
                + " ms: roles "
                + config.roles()
                + ", gateway port "
                + node.gatewayPort()
                + ", ingest port "
                + node.ingestPort()
                + ", transport "
                + (node.vertx().isNativeTransportEnabled() ? "epoll" : "nio"));
    if (dev) {
      System.out.println(
          DevMode.banner(node.vertx(), config, node.gatewayPort(), node.ingestPort()));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(node), "ushs-shutdown"));
  }

  /**
   * Runs in the JVM's shutdown hook. A JVM ended by SIGTERM exits 143 whatever its hooks do, so the
   * hook ends the process itself with the status of the shutdown.
   */
  private static void shutdown(Node node) {
    int status = 0;
    try {
      node.close()
          .toCompletionStage()
          .toCompletableFuture()
          .get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
      System.err.println("ushs: shut down cleanly");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 1;
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("ushs: shutdown incomplete: " + e);
      status = 1;
    }
    System.err.flush();
    System.out.flush();
    Runtime.getRuntime().halt(status);
  }

  private static void configureLogging(LogFormat format) throws IOException {
    try (InputStream in = Main.class.getResourceAsStream("/ushs-logging.properties")) {
      if (in != null && System.getProperty("java.util.logging.config.file") == null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    }
    if (format == LogFormat.JSON) {
      for (Handler handler : Logger.getLogger("").getHandlers()) {
        handler.setFormatter(new JsonLogFormatter());
      }
    }
  }
}
