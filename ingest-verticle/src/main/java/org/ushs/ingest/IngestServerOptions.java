package org.ushs.ingest;

import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import org.ushs.common.config.IngestSettings;
import org.ushs.common.net.ServerTls;

/** The publish port's HTTP server options: HTTP/1.1, idle timeout, head size, TLS (1.3 only). */
final class IngestServerOptions {

  private IngestServerOptions() {}

  static HttpServerOptions of(IngestSettings settings) {
    return ServerTls.apply(
        new HttpServerOptions()
            .setHost(settings.bindHost())
            .setIdleTimeout((int) settings.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            .setMaxHeaderSize(settings.maxHeaderSize())
            // HTTP/1.1 only: connections are then bounded from the moment they open, not from
            // their first bytes (HTTP/2 detection), and each carries one request at a time
            .setHttp2ClearTextEnabled(false),
        settings.tls());
  }
}
