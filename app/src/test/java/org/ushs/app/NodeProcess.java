package org.ushs.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node in a child JVM (Main on the test classpath), for what needs a real process: kill -9,
 * SIGTERM. Output goes to a file under target/ for reading after a failure.
 */
final class NodeProcess {

  private static final long READY_TIMEOUT_MS = 180_000;

  private final Process process;
  final String host;
  final int gatewayPort;
  final int ingestPort;

  private NodeProcess(Process process, String host, int gatewayPort, int ingestPort) {
    this.process = process;
    this.host = host;
    this.gatewayPort = gatewayPort;
    this.ingestPort = ingestPort;
  }

  /** Starts Main with {@code env} (USHS_* settings) plus free gateway and ingest ports. */
  static NodeProcess start(String name, Map<String, String> env) throws IOException {
    return start(name, env, List.of(), "127.0.0.1", TestNodes.freePort(), TestNodes.freePort());
  }

  /**
   * Starts Main through {@code prefix} (e.g. {@code ip netns exec ns}), with {@code env}, HTTP on
   * {@code host} at the given ports.
   */
  static NodeProcess start(
      String name,
      Map<String, String> env,
      List<String> prefix,
      String host,
      int gateway,
      int ingest)
      throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("USHS_"));
    builder.environment().putAll(env);
    builder.environment().put("USHS_GATEWAY_PORT", Integer.toString(gateway));
    builder.environment().put("USHS_INGEST_PORT", Integer.toString(ingest));
    builder.environment().put("USHS_HTTP_HOST", host);
    File log = new File("target", "node-" + name + ".log");
    builder.redirectErrorStream(true).redirectOutput(log);
    return new NodeProcess(builder.start(), host, gateway, ingest);
  }

  /** Waits until {@code /health/ready} answers 200; returns its body. */
  JsonObject awaitReady(Vertx vertx) throws InterruptedException {
    return awaitReady(vertx, READY_TIMEOUT_MS);
  }

  /** As {@link #awaitReady(Vertx)}, for at most {@code timeoutMs}. */
  JsonObject awaitReady(Vertx vertx, long timeoutMs) throws InterruptedException {
    WebClient web = WebClient.create(vertx);
    try {
      long deadline = System.currentTimeMillis() + timeoutMs;
      while (System.currentTimeMillis() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("node exited with " + process.exitValue());
        }
        try {
          var response = TestNodes.await(web.get(ingestPort, host, "/health/ready").send());
          if (response.statusCode() == 200) {
            return response.bodyAsJsonObject();
          }
        } catch (AssertionError notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
      throw new AssertionError("node not ready within " + timeoutMs + " ms");
    } finally {
      web.close();
    }
  }

  /** The process id, for reading its CPU time. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGSTOP: the process freezes, its sockets stay open (as in a long GC pause). */
  void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** SIGCONT after {@link #pause}. */
  void proceed() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    int status = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
    if (status != 0) {
      throw new AssertionError("kill " + signal + " " + process.pid() + " exited " + status);
    }
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM; the exit code once the process ended. */
  int terminate() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  void stop() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
