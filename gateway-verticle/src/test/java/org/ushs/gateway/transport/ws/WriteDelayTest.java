package org.ushs.gateway.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code USHS_WRITE_DELAY}: messages of several event-loop turns wait for one write, in order; the
 * bytes they hold count in the outbound queue from the moment they are sent (so the 4006 bound is
 * exact) until the socket took them; a ping and a close leave at once, after the data before them.
 */
class WriteDelayTest {

  /** Long enough that nothing leaves by the delay while a test looks. */
  private static final Duration DELAY = Duration.ofSeconds(30);

  @Test
  void heldMessagesCountInTheQueueAndLeaveInOrderBeforeAPing() throws Exception {
    try (TransportNode node = new TransportNode(false, DELAY, 1 << 20);
        WireClient client = WireClient.connect(node.port(), false, 0)) {
      TransportNode.Opened opened = node.next();
      List<String> sent = List.of("one", "two", "x".repeat(300));
      for (String text : sent) { // a turn each
        node.run(() -> opened.channel().send(Buffer.buffer(text)));
      }
      long held = (2 + 3) + (2 + 3) + (4 + 300); // headers of 2, 2 and 4 bytes
      assertEquals(held, (long) node.on(() -> opened.queue().pending()), "all held, all counted");

      node.run(() -> opened.channel().ping());
      assertEquals(List.of("one", "two", "x".repeat(300), "ping"), kinds(client.frames(4)));
      waitForEmpty(node, opened);
    }
  }

  @Test
  void aCloseLeavesAfterTheHeldMessages() throws Exception {
    try (TransportNode node = new TransportNode(false, DELAY, 1 << 20);
        WireClient client = WireClient.connect(node.port(), false, 0)) {
      TransportNode.Opened opened = node.next();
      node.run(() -> opened.channel().send(Buffer.buffer("a")));
      node.run(() -> opened.channel().send(Buffer.buffer("b")));
      node.run(() -> opened.channel().close(4006, "slow consumer"));
      assertEquals(List.of("a", "b", "close 4006 slow consumer"), kinds(client.frames(3)));
    }
  }

  @Test
  void aShortDelayStillDeliversEverythingInOrder() throws Exception {
    try (TransportNode node = new TransportNode(false, Duration.ofMillis(5), 1 << 20);
        WireClient client = WireClient.connect(node.port(), false, 0)) {
      TransportNode.Opened opened = node.next();
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String text = "event " + i;
        sent.add(text);
        node.run(() -> opened.channel().send(Buffer.buffer(text)));
      }
      assertEquals(sent, kinds(client.frames(sent.size())));
      waitForEmpty(node, opened);
    }
  }

  private static void waitForEmpty(TransportNode node, TransportNode.Opened opened)
      throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (node.on(() -> opened.queue().pending()) != 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("bytes still counted after the client read them all");
      }
      Thread.sleep(10);
    }
  }

  private static List<String> kinds(List<WebSocketFrame> frames) {
    List<String> kinds = new ArrayList<>();
    for (WebSocketFrame frame : frames) {
      if (frame instanceof TextWebSocketFrame text) {
        kinds.add(text.text());
      } else if (frame instanceof PingWebSocketFrame) {
        kinds.add("ping");
      } else if (frame instanceof CloseWebSocketFrame close) {
        kinds.add("close " + close.statusCode() + " " + close.reasonText());
      }
      frame.release();
    }
    return kinds;
  }
}
