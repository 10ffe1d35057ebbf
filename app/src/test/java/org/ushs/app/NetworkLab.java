package org.ushs.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A private network for node processes, made and removed by the test (root only): one network
 * namespace per node, each with a veth pair whose other end is on a bridge in the root namespace,
 * addresses {@code 10.231.<random>.<n>/24} inside the namespaces and {@code .254} on the bridge (so
 * the test reaches every node). Links can be cut (iptables DROP between a node and its peers, in
 * the node's namespace: a cut cable, no RST) and healed, or slowed (a token bucket on the node's
 * side of its veth: this kernel has no netem, so the added latency is queueing behind a slow link).
 * {@link #close} removes everything, also from a shutdown hook if the test JVM is stopped.
 */
final class NetworkLab implements AutoCloseable {

  private static final long COMMAND_SECONDS = 20;

  private final String id;
  private final String subnet;
  private final int size;
  private final Thread cleanup = new Thread(this::close, "network-lab-cleanup");
  private boolean closed;

  private NetworkLab(int size) {
    this.size = size;
    int random = ThreadLocalRandom.current().nextInt(1, 250);
    this.id = Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xefff));
    this.subnet = "10.231." + random;
  }

  /** Why this machine cannot run the lab (not root, no ip or iptables), or null when it can. */
  static String unavailable() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "network namespaces need root (user " + System.getProperty("user.name") + ")";
    }
    for (String tool : List.of("ip", "iptables", "tc")) {
      if (!Files.isExecutable(Path.of("/usr/sbin", tool))
          && !Files.isExecutable(Path.of("/sbin", tool))) {
        return "no " + tool + " command";
      }
    }
    return null;
  }

  /** Makes {@code size} namespaces on one bridge. */
  static NetworkLab create(int size) {
    NetworkLab lab = new NetworkLab(size);
    Runtime.getRuntime().addShutdownHook(lab.cleanup);
    try {
      lab.run("ip", "link", "add", lab.bridge(), "type", "bridge");
      lab.run("ip", "addr", "add", lab.subnet + ".254/24", "dev", lab.bridge());
      lab.run("ip", "link", "set", lab.bridge(), "up");
      for (int i = 0; i < size; i++) {
        lab.addNode(i);
      }
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private void addNode(int i) {
    run("ip", "netns", "add", namespace(i));
    inside(i, "ip", "link", "set", "lo", "up");
    run("ip", "link", "add", hostEnd(i), "type", "veth", "peer", "name", nodeEnd(i));
    run("ip", "link", "set", hostEnd(i), "master", bridge());
    run("ip", "link", "set", hostEnd(i), "up");
    run("ip", "link", "set", nodeEnd(i), "netns", namespace(i));
    inside(i, "ip", "addr", "add", address(i) + "/24", "dev", nodeEnd(i));
    inside(i, "ip", "link", "set", nodeEnd(i), "up");
  }

  /** The address of node {@code i} (from 0). */
  String address(int i) {
    return subnet + "." + (i + 1);
  }

  /** The command prefix that runs a program in node {@code i}'s namespace. */
  List<String> prefix(int i) {
    return List.of("ip", "netns", "exec", namespace(i));
  }

  /** Cuts every link between node {@code i} and the other nodes (the test still reaches it). */
  void cut(int i) {
    for (int peer = 0; peer < size; peer++) {
      if (peer != i) {
        inside(i, "iptables", "-A", "INPUT", "-s", address(peer), "-j", "DROP");
        inside(i, "iptables", "-A", "OUTPUT", "-d", address(peer), "-j", "DROP");
      }
    }
  }

  void heal(int i) {
    inside(i, "iptables", "-F");
  }

  /** Node {@code i} sends through a slow link: {@code kbit} kbit/s, up to a second queued. */
  void slow(int i, int kbit) {
    inside(
        i,
        "tc",
        "qdisc",
        "add",
        "dev",
        nodeEnd(i),
        "root",
        "tbf",
        "rate",
        kbit + "kbit",
        "burst",
        "4kb",
        "latency",
        "1000ms");
  }

  void unslow(int i) {
    inside(i, "tc", "qdisc", "del", "dev", nodeEnd(i), "root");
  }

  private String namespace(int i) {
    return "ushs-" + id + "-" + i;
  }

  private String bridge() {
    return "ushs" + id + "br";
  }

  private String hostEnd(int i) {
    return "ushs" + id + "h" + i;
  }

  private String nodeEnd(int i) {
    return "ushs" + id + "n" + i;
  }

  private void inside(int i, String... command) {
    List<String> full = new ArrayList<>(prefix(i));
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  private void run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** Removes the namespaces (their veth pairs go with them) and the bridge; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = 0; i < size; i++) {
      killInside(i);
      quietly("ip", "netns", "del", namespace(i));
    }
    quietly("ip", "link", "del", bridge());
    if (Thread.currentThread() != cleanup) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs or has run
      }
    }
  }

  /** kill -9 of whatever still runs in namespace {@code i} (only this lab's node processes). */
  private void killInside(int i) {
    try {
      Process pids = new ProcessBuilder("ip", "netns", "pids", namespace(i)).start();
      String out = new String(pids.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      pids.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
      for (String pid : out.trim().split("\\s+", -1)) {
        if (!pid.isEmpty()) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no such namespace: nothing runs in it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void quietly(String... command) {
    try {
      run(command);
    } catch (IllegalStateException absent) {
      // already gone (a half-made lab)
    }
  }
}
