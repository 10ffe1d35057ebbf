package org.ushs.gateway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link OutboundQueue}: bytes are pending from their write until the socket takes them; a message
 * is refused once the pending bytes reach the bound, so at most the bound plus one message wait. A
 * bulk sender told the queue is busy (half full) is called back once, when it has drained to a
 * quarter.
 */
class OutboundQueueTest {

  /**
   * Steps: {@code +n} writes n bytes (expecting room), {@code xn} expects no room, {@code -n} the
   * socket takes n bytes, {@code b} asks whether busy (expecting yes), {@code f} expects not busy.
   * Then the pending bytes and how often the busy sender was called back.
   */
  @ParameterizedTest(name = "max {0}: {1} -> pending {2}, room called {3}")
  @CsvSource({
    "1000, +600 +600 x10, 1200, 0",
    "1000, +999 +5000 x1, 5999, 0",
    "1000, +600 +600 -600 +10, 610, 0",
    "1000, +1000 x1 -1000 +1, 1, 0",
    "1000, +2000000 x1 -2000000 +1, 1, 0",
    "65536, +65535 +1 x1 x65536, 65536, 0",
    "1000, +499 f +1 b -249, 251, 0",
    "1000, +500 b -250, 250, 1",
    "1000, +500 b -250 -100 +600 -100, 650, 1",
    "1000, +800 b -100 -100 -100 -100, 400, 0",
    "1000, +800 b -100 -100 -100 -100 -200, 200, 1",
    "1000, +800 b -600 f -200, 0, 1",
  })
  void boundsPendingBytes(int max, String script, long pending, int roomCalls) {
    OutboundQueue queue = new OutboundQueue(max);
    int[] room = {0};
    for (String step : script.split(" ", -1)) {
      switch (step.charAt(0)) {
        case '+' -> {
          assertEquals(true, queue.hasRoom(), step);
          queue.added(bytes(step));
        }
        case 'x' -> assertEquals(false, queue.hasRoom(), step);
        case '-' -> queue.taken(bytes(step));
        case 'b' -> assertEquals(true, queue.busy(() -> room[0]++), step);
        default -> assertEquals(false, queue.busy(() -> room[0]++), step);
      }
    }
    assertEquals(pending, queue.pending());
    assertEquals(roomCalls, room[0]);
  }

  private static long bytes(String step) {
    return Long.parseLong(step.substring(1));
  }
}
