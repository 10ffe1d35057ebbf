package org.ushs.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
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

  private static WebSocketDecoderConfig clientConfig() {
    return WebSocketDecoderConfig.newBuilder()
        .expectMaskedFrames(false)
        .maxFramePayloadLength(1 << 20)
        .build();
  }
}
