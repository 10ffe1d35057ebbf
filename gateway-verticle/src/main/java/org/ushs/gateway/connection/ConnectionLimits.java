package org.ushs.gateway.connection;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ushs.common.net.IpConnections;

/**
 * Open connections per node and per principal id (and TCP connections per client IP), shared by
 * every gateway verticle instance of the node. Thread-safe. Every admission is paired with one
 * {@link #release}.
 */
public final class ConnectionLimits {

  private final int perNode;
  private final int perIdentity;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentMap<String, Integer> byIdentity = new ConcurrentHashMap<>();

  private final IpConnections ips;

  /** Without a bound per IP address. */
  public ConnectionLimits(int perNode, int perIdentity) {
    this(perNode, perIdentity, Integer.MAX_VALUE);
  }

  /** With at most {@code perIp} open TCP connections (upgraded or not) per client IP address. */
  public ConnectionLimits(int perNode, int perIdentity, int perIp) {
    this(perNode, perIdentity, perIp, Integer.MAX_VALUE);
  }

  /**
   * With at most {@code perIp} open TCP connections per client IP address and {@code sockets} in
   * all (upgraded or not; more are closed at once, see {@code IpGate}).
   */
  public ConnectionLimits(int perNode, int perIdentity, int perIp, int sockets) {
    this.perNode = perNode;
    this.perIdentity = perIdentity;
    this.ips = new IpConnections(perIp, sockets);
  }

  /** The node's gateway connections per client IP address, counted as they open. */
  public IpConnections ips() {
    return ips;
  }

  /**
   * Takes a slot for a connection of {@code identity}: empty when admitted (the caller then owns
   * the slot until {@link #release}), otherwise the refusal as a close reason naming the limit.
   */
  public Optional<String> admit(String identity) {
    if (total.incrementAndGet() > perNode) {
      total.decrementAndGet();
      return Optional.of("connection limit: " + perNode + " per node");
    }
    boolean[] full = {false};
    byIdentity.compute(
        identity,
        (id, open) -> {
          int count = open == null ? 0 : open;
          full[0] = count >= perIdentity;
          return full[0] ? open : Integer.valueOf(count + 1);
        });
    if (full[0]) {
      total.decrementAndGet();
      return Optional.of("connection limit: " + perIdentity + " per identity");
    }
    return Optional.empty();
  }

  /**
   * Gives back the slot an admission of {@code identity} took; a release without one is ignored.
   */
  public void release(String identity) {
    boolean[] held = {false};
    byIdentity.computeIfPresent(
        identity,
        (id, open) -> {
          held[0] = true;
          return open <= 1 ? null : Integer.valueOf(open - 1);
        });
    if (held[0]) {
      total.decrementAndGet();
    }
  }

  /** Open connections on this node. */
  public int open() {
    return total.get();
  }
}
