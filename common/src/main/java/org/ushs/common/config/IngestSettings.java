package org.ushs.common.config;

import java.time.Duration;

/**
 * The publish API: where it listens, on how many event loops ({@code instances}, sharing the port),
 * the largest body it takes, how long a connection may stay idle ({@code idleTimeout}), take to
 * send its request headers ({@code headerTimeout}) and then its body ({@code bodyTimeout}), the
 * largest request head ({@code maxHeaderSize}), open connections per client IP address ({@code
 * maxConnectionsPerIp}) and in all ({@code maxConnections}, which keeps file descriptors in reserve
 * for the gateway and health), whether event-bus publishes must carry credentials ({@code
 * busRequiresCredentials}), and its TLS ({@link TlsSettings#NONE}: plain HTTP).
 */
public record IngestSettings(
    String bindHost,
    int port,
    int instances,
    int maxBody,
    Duration idleTimeout,
    Duration headerTimeout,
    Duration bodyTimeout,
    int maxHeaderSize,
    int maxConnectionsPerIp,
    int maxConnections,
    boolean busRequiresCredentials,
    TlsSettings tls) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_HEADER_SIZE = 8 * 1024;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 100;

  public IngestSettings {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1: " + instances);
    }
  }

  /** The defaults for everything but where it listens and the body limit: tests, embedders. */
  public IngestSettings(String bindHost, int port, int maxBody) {
    this(
        bindHost,
        port,
        1,
        maxBody,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_HEADER_TIMEOUT,
        DEFAULT_BODY_TIMEOUT,
        DEFAULT_MAX_HEADER_SIZE,
        DEFAULT_MAX_CONNECTIONS_PER_IP,
        FileDescriptors.publishPortShare(),
        false,
        TlsSettings.NONE);
  }
}
