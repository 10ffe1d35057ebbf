package org.ushs.common.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Scanner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free loopback ports for a listener that starts later (a Hazelcast member, a node process). They
 * lie below the kernel's range of ephemeral ports: a port from {@code bind(0)} comes from that
 * range, and before its listener starts, a connection's local end may take it (a member that dials
 * a peer not yet listening can even connect to itself there), so that listener fails to bind and a
 * cluster forms without it.
 */
public final class FreePorts {

  private static final int SPAN = 10_000;
  private static final int FIRST = Math.max(1024, ephemeralLow() - SPAN);
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(SPAN));

  private FreePorts() {}

  /** A port nothing listens on now, below the ephemeral range; successive calls differ. */
  public static int next() {
    for (int tried = 0; tried < SPAN; tried++) {
      int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), SPAN);
      if (free(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port in " + FIRST + ".." + (FIRST + SPAN - 1));
  }

  private static boolean free(int port) {
    try {
      new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
      return new Scanner(range).nextInt();
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
  }
}
