package org.ushs.common.config;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The process's file-descriptor limit, and the shares of it the two ports may hold: the publish
 * port half, so that a flood of publish connections leaves the other half to the gateway, health
 * probes, Hazelcast and files; the gateway what is left but a reserve, so that a flood of the
 * gateway port leaves descriptors to Hazelcast, files and the publish port's own bound.
 */
public final class FileDescriptors {

  /** Assumed when the platform does not tell (not a Unix JVM). */
  static final long UNKNOWN_LIMIT = 4096;

  /** A port's share is never below this, however low the limit. */
  static final int MIN_SHARE = 64;

  /** Descriptors neither port may take: Hazelcast's sockets, the log, jars, health probes. */
  static final int RESERVE = 256;

  private FileDescriptors() {}

  /** The most file descriptors this process may open. */
  public static long limit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount()
        : UNKNOWN_LIMIT;
  }

  /** File descriptors open in this process now, or -1 when the platform does not tell. */
  public static long open() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix
        ? unix.getOpenFileDescriptorCount()
        : -1;
  }

  /** Publish-port connections at most by default: half of {@link #limit()}. */
  public static int publishPortShare() {
    return shareOf(limit());
  }

  /**
   * Gateway-port TCP connections (upgraded or not) at most: what {@link #limit()} leaves once the
   * publish port's bound ({@code publishPortConnections}, 0 on a node without it) and {@link
   * #RESERVE} are taken.
   */
  public static int gatewayPortShare(int publishPortConnections) {
    return gatewayShareOf(limit(), publishPortConnections);
  }

  static int gatewayShareOf(long limit) {
    return gatewayShareOf(limit, shareOf(limit));
  }

  static int gatewayShareOf(long limit, long publishPortConnections) {
    long left = limit - publishPortConnections - RESERVE;
    return (int) Math.max(MIN_SHARE, Math.min(Integer.MAX_VALUE, left));
  }

  static int shareOf(long limit) {
    return (int) Math.max(MIN_SHARE, Math.min(Integer.MAX_VALUE, limit / 2));
  }
}
