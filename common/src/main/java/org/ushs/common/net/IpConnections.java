package org.ushs.common.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections of one server port, per client IP address and in all, shared by the verticle
 * instances that serve the port. Thread-safe. Each {@link Admission#ADMITTED} opening is paired
 * with one {@link #closed}; refused openings hold no slot.
 */
public final class IpConnections {

  /** What an opening connection may do. */
  public enum Admission {
    /** Within both bounds. */
    ADMITTED,
    /** Its address holds {@link #perIp()} connections already: answer it and close it. */
    OVER_IP,
    /** The port holds {@link #total()} connections already: close it at once. */
    OVER_TOTAL
  }

  private final int perIp;
  private final int total;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentMap<String, Integer> byIp = new ConcurrentHashMap<>();

  public IpConnections(int perIp, int total) {
    this.perIp = perIp;
    this.total = total;
  }

  /** Admits or refuses a connection from {@code ip}; an admitted one holds a slot until closed. */
  public Admission open(String ip) {
    if (open.incrementAndGet() > total) {
      open.decrementAndGet();
      return Admission.OVER_TOTAL;
    }
    boolean[] full = {false};
    byIp.compute(
        ip,
        (address, count) -> {
          int held = count == null ? 0 : count;
          full[0] = held >= perIp;
          return full[0] ? count : Integer.valueOf(held + 1);
        });
    if (full[0]) {
      open.decrementAndGet();
      return Admission.OVER_IP;
    }
    return Admission.ADMITTED;
  }

  /** Gives back the slot of an admitted connection from {@code ip}. */
  public void closed(String ip) {
    boolean[] held = {false};
    byIp.computeIfPresent(
        ip,
        (address, count) -> {
          held[0] = true;
          return count <= 1 ? null : Integer.valueOf(count - 1);
        });
    if (held[0]) {
      open.decrementAndGet();
    }
  }

  public int perIp() {
    return perIp;
  }

  public int total() {
    return total;
  }

  /** Admitted connections open now. */
  public int open() {
    return open.get();
  }
}
