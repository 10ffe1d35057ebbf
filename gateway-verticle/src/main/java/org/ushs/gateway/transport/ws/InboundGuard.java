package org.ushs.gateway.transport.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.transport.ClientChannel;

/**
 * Sits between the frame decoders (after the decompressor) and Vert.x, and sees every frame first:
 * a frame with RSV bits left set (RSV1 without negotiated compression) is a protocol error; each
 * frame tells the listener the client is alive; a ping the listener does not admit (over the rate
 * limit, or the connection is closing) is dropped unanswered, where Vert.x would answer every ping
 * of a burst already read. After a violation nothing more is passed on. On the channel's event
 * loop.
 */
final class InboundGuard extends ChannelInboundHandlerAdapter {

  private final ClientChannel.Listener listener;
  private boolean violated;

  InboundGuard(ClientChannel.Listener listener) {
    this.listener = listener;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (violated) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (frame.rsv() != 0) {
      violated = true;
      ReferenceCountUtil.release(msg);
      listener.violated(ErrorCode.PROTOCOL_ERROR);
      return;
    }
    if (listener.frame(frame instanceof PingWebSocketFrame)) {
      ctx.fireChannelRead(msg);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }
}
