package org.ushs.gateway;

import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import org.ushs.common.config.GatewaySettings;

/** The gateway's HTTP server options: sizes, handshake timeout, close wait, compression. */
final class GatewayServerOptions {

  private GatewayServerOptions() {}

  static HttpServerOptions of(GatewaySettings settings) {
    return new HttpServerOptions()
        .setHost(settings.bindHost())
        .setMaxWebSocketFrameSize(settings.maxFrame())
        .setMaxWebSocketMessageSize(settings.maxFrame())
        .setRegisterWebSocketWriteHandlers(false)
        // bounds the handshake; removed from each connection once upgraded (Channels)
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, settings.handshakeTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setWebSocketClosingTimeout((int) TimeUnit.MILLISECONDS.toSeconds(Connection.CLOSE_WAIT_MS))
        .setPerMessageWebSocketCompressionSupported(settings.compression())
        .setPerFrameWebSocketCompressionSupported(false);
  }
}
