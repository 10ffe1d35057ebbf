package org.ushs.gateway.security;

import io.vertx.core.Future;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.SocketAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.ushs.common.net.IpConnections;
import org.ushs.common.net.IpConnections.Admission;

/**
 * The gateway's bounds on TCP connections per client IP address and in all, counted as they open
 * ({@link IpConnections}, shared by the node's gateway instances). A connection over its address's
 * bound is kept just long enough to be told: its WebSocket handshake is closed 1013 with {@link
 * #reason()}, a plain HTTP request is answered 429; the handshake timeout closes it otherwise. A
 * connection over the bound in all is closed at once: the port then holds as many descriptors as
 * the node can spare, and telling each would take more. Used on one gateway instance's context.
 */
public final class IpGate {

  private final IpConnections ips;
  private final Set<String> over = new HashSet<>();

  public IpGate(IpConnections ips) {
    this.ips = ips;
  }

  /**
   * A new TCP connection: takes a slot of its address, or marks it as over the bound. {@code
   * whenClosed} runs an action once the socket is closed, upgraded or not: an upgraded connection's
   * own close handler is never called, and its slot was then never given back.
   */
  public void opened(HttpConnection connection, Consumer<Runnable> whenClosed) {
    SocketAddress remote = connection.remoteAddress();
    String ip = remote.hostAddress();
    String key = key(remote);
    Admission admission = ips.open(ip);
    if (admission == Admission.ADMITTED) {
      whenClosed.accept(() -> ips.closed(ip));
    } else if (admission == Admission.OVER_IP) {
      over.add(key);
      whenClosed.accept(() -> over.remove(key));
    } else {
      HandshakeLog.portFull(remote, ips.total());
      Future<Void> unused = connection.close();
    }
  }

  /** Whether the connection from {@code remote} is over the bound of its address. */
  public boolean refuses(SocketAddress remote) {
    return !over.isEmpty() && over.contains(key(remote));
  }

  /** The close reason given to a refused connection, naming the limit. */
  public String reason() {
    return "connection limit: " + ips.perIp() + " per IP";
  }

  private static String key(SocketAddress remote) {
    return remote.hostAddress() + ":" + remote.port();
  }
}
