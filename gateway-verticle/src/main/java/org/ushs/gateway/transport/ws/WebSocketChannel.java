package org.ushs.gateway.transport.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.transport.ClientChannel;

/** A {@link ClientChannel} over a Vert.x server WebSocket. Used on its event loop only. */
final class WebSocketChannel implements ClientChannel {

  private final ServerWebSocket ws;
  private final EventExecutor loop; // chctx.executor() walks to the channel on every call
  private final CoalescingWriter writer;
  private final Promise<Void> closed = Promise.promise();

  WebSocketChannel(ServerWebSocket ws, ChannelHandlerContext chctx, CoalescingWriter writer) {
    this.ws = ws;
    this.loop = chctx.executor();
    this.writer = writer;
    ws.closeHandler(v -> closed.tryComplete());
  }

  @Override
  public void open(Listener listener) {
    ws.exceptionHandler(
        failure -> {
          ErrorCode code = Violations.codeOf(failure);
          if (code != null) {
            listener.violated(code);
          }
        });
    WebSocketPipeline.guard(ws, new InboundGuard(listener));
    ws.textMessageHandler(listener::text);
    ws.binaryMessageHandler(listener::binary);
  }

  @Override
  public void send(Buffer message) {
    writer.text(message);
  }

  @Override
  public void ping() {
    writer.ping();
  }

  @Override
  public void flush() {
    writer.flush();
  }

  @Override
  public void close(int code, String reason) {
    writer.flush();
    ws.close((short) code, reason);
  }

  @Override
  public void drop() {
    WebSocketPipeline.drop(ws);
  }

  @Override
  public boolean peerClosed() {
    return ws.isClosed();
  }

  @Override
  public Future<Void> closed() {
    return closed.future();
  }

  @Override
  public SocketAddress remoteAddress() {
    return ws.remoteAddress();
  }

  @Override
  public boolean inEventLoop() {
    return loop.inEventLoop();
  }

  @Override
  public void execute(Runnable task) {
    loop.execute(task);
  }
}
