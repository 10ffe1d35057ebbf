package org.ushs.gateway.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shared frames on real sockets, plain and TLS: what two clients of the same events read, decoded
 * by Netty's own WebSocket decoder, at every header length (7-bit, 16-bit and 64-bit lengths),
 * alone in a flush or gathered with others, and while the channel is not writable.
 */
class SharedFrameWireTest {

  private static final int[] LENGTHS = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000};

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void everyClientDecodesEveryEventAtEveryHeaderLength(boolean tls) throws Exception {
    try (TransportNode node = new TransportNode(tls, Duration.ZERO, 64 << 20);
        WireClient a = WireClient.connect(node.port(), tls, 0);
        WireClient b = WireClient.connect(node.port(), tls, 0)) {
      List<TransportNode.Opened> both = List.of(node.next(), node.next());
      List<String> sent = new ArrayList<>();
      for (int length : LENGTHS) { // one flush each
        sent.add(text(length));
        Buffer event = Buffer.buffer(sent.get(sent.size() - 1));
        node.run(() -> both.forEach(o -> o.channel().send(event)));
      }
      node.run( // all in one flush: a gathering write
          () -> {
            for (int length : LENGTHS) {
              Buffer event = Buffer.buffer(text(length) + "!");
              both.forEach(o -> o.channel().send(event));
            }
          });
      for (int length : LENGTHS) {
        sent.add(text(length) + "!");
      }
      assertEquals(sent, texts(a.frames(sent.size())));
      assertEquals(sent, texts(b.frames(sent.size())));
    }
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void aClientThatFellBehindReadsEveryEventInOrder(boolean tls) throws Exception {
    int perTurn = 50;
    try (TransportNode node = new TransportNode(tls, Duration.ZERO, 64 << 20);
        WireClient slow = WireClient.connect(node.port(), tls, 65_536)) {
      TransportNode.Opened opened = node.next();
      List<String> sent = new ArrayList<>();
      int unwritableTurns = 0;
      for (int turn = 0; turn < 200 && unwritableTurns < 3; turn++) {
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < perTurn; i++) {
          batch.add(turn * perTurn + i + ":" + "y".repeat(2000));
        }
        sent.addAll(batch);
        boolean unwritable =
            node.on(
                () -> {
                  batch.forEach(text -> opened.channel().send(Buffer.buffer(text)));
                  opened.channel().flush();
                  return !opened.writable();
                });
        unwritableTurns += unwritable ? 1 : 0;
      }
      assertTrue(
          unwritableTurns > 0, "the channel never became unwritable: the test proves nothing");
      assertEquals(sent, texts(slow.frames(sent.size())));
    }
  }

  private static String text(int length) {
    return "é".repeat(length / 2) + "x".repeat(length % 2);
  }

  private static List<String> texts(List<WebSocketFrame> frames) {
    List<String> texts = new ArrayList<>();
    for (WebSocketFrame frame : frames) {
      assertTrue(frame.isFinalFragment());
      texts.add(((TextWebSocketFrame) frame).text());
      frame.release();
    }
    return texts;
  }
}
