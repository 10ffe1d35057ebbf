package org.ushs.gateway.transport.ws;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SelfSignedCertificate;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ushs.gateway.GatewayMetrics;
import org.ushs.gateway.connection.OutboundQueue;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.transport.ClientChannel;

/**
 * A real WebSocket server on loopback (plain or TLS with a self-signed certificate) whose upgraded
 * sockets become {@link ClientChannel}s of one {@link WebSocketTransport}, for tests to drive on
 * the server's event loop.
 */
final class TransportNode implements AutoCloseable {

  /** A channel with its queue and the messages and violations its client sent. */
  record Opened(
      ServerWebSocket ws,
      ClientChannel channel,
      OutboundQueue queue,
      LinkedBlockingQueue<Object> inbound) {

    /** Whether the Netty channel under the socket takes writes without queueing them. */
    boolean writable() {
      return WebSocketPipeline.context(ws).channel().isWritable();
    }
  }

  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();
  final LinkedBlockingQueue<Opened> opened = new LinkedBlockingQueue<>();
  private HttpServer server;

  TransportNode(boolean tls, Duration writeDelay, long maxPending) throws Exception {
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1");
    if (tls) {
      SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
      options.setSsl(true).setKeyCertOptions(cert.keyCertOptions());
    }
    Promise<HttpServer> listening = Promise.promise();
    context.runOnContext(
        v -> create(options, writeDelay, maxPending).listen(0).onComplete(listening));
    server = listening.future().await(10, TimeUnit.SECONDS);
  }

  private HttpServer create(HttpServerOptions options, Duration writeDelay, long maxPending) {
    WebSocketTransport transport =
        new WebSocketTransport(context, new GatewayMetrics(new SimpleMeterRegistry()), writeDelay);
    return vertx
        .createHttpServer(options)
        .webSocketHandler(
            ws -> {
              WebSocketTransport.accepted(ws);
              OutboundQueue queue = new OutboundQueue(maxPending);
              ClientChannel channel = transport.channel(ws, queue);
              LinkedBlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
              channel.open(recorder(inbound));
              opened.add(new Opened(ws, channel, queue, inbound));
            });
  }

  private static ClientChannel.Listener recorder(LinkedBlockingQueue<Object> inbound) {
    return new ClientChannel.Listener() {
      @Override
      public boolean frame(boolean ping) {
        return true;
      }

      @Override
      public void text(String message) {
        inbound.add(message);
      }

      @Override
      public void binary(Buffer message) {
        inbound.add(message);
      }

      @Override
      public void violated(ErrorCode code) {
        inbound.add(code);
      }
    };
  }

  int port() {
    return server.actualPort();
  }

  Opened next() throws InterruptedException {
    Opened next = opened.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("no connection");
    }
    return next;
  }

  /** Runs {@code task} on the server's event loop and returns its result. */
  <T> T on(Supplier<T> task) throws Exception {
    Promise<T> result = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            result.complete(task.get());
          } catch (RuntimeException e) {
            result.fail(e);
          }
        });
    return result.future().await(20, TimeUnit.SECONDS);
  }

  void run(Runnable task) throws Exception {
    on(
        () -> {
          task.run();
          return null;
        });
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("vertx did not close", e);
    }
  }
}
