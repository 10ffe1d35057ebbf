package org.ushs.gateway.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Frames#writeText}: frames written back to back in one buffer, as a client's decoder (here
 * Netty's, expecting unmasked server frames) reads them, at every header length.
 */
class FramesTest {

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 125, 126, 127, 456, 65_535, 65_536, 200_000})
  void decodesAsTheSameTextBackToBack(int length) {
    String text = "é".repeat(length / 2) + "x".repeat(length % 2);
    ByteBuf utf8 = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    ByteBuf wire = Unpooled.buffer();
    int first = Frames.writeText(wire, utf8);
    int second = Frames.writeText(wire, utf8);

    assertEquals(first, second);
    assertEquals(wire.readableBytes(), first + second);
    assertEquals(length, utf8.readableBytes(), "the payload is not consumed");
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(clientConfig()));
    assertTrue(client.writeInbound(wire));
    for (int i = 0; i < 2; i++) {
      TextWebSocketFrame frame = client.readInbound();
      assertTrue(frame.isFinalFragment());
      assertEquals(text, frame.text());
      frame.release();
    }
    assertFalse(client.finish());
  }

  @Test
  void aPingBetweenTextFramesDecodesAsAnEmptyPing() {
    ByteBuf utf8 = Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8);
    ByteBuf wire = Unpooled.buffer();
    Frames.writeText(wire, utf8);
    assertEquals(2, Frames.writePing(wire));
    Frames.writeText(wire, utf8);
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(clientConfig()));
    assertTrue(client.writeInbound(wire));
    List<Class<?>> kinds = new ArrayList<>();
    for (Object frame = client.readInbound(); frame != null; frame = client.readInbound()) {
      kinds.add(frame.getClass());
      if (frame instanceof PingWebSocketFrame ping) {
        assertEquals(0, ping.content().readableBytes());
      }
      ReferenceCountUtil.release(frame);
    }
    assertEquals(
        List.of(TextWebSocketFrame.class, PingWebSocketFrame.class, TextWebSocketFrame.class),
        kinds);
  }

  private static WebSocketDecoderConfig clientConfig() {
    return WebSocketDecoderConfig.newBuilder()
        .expectMaskedFrames(false)
        .maxFramePayloadLength(1 << 20)
        .build();
  }
}
