package org.ushs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server frames cut anywhere between reads: every message comes out whole, once, in order, whatever
 * the length encoding, masking or fragmentation.
 */
class WsFrameParserTest {

  static Stream<Arguments> streams() {
    String small = "{\"sequence\":\"1\"}";
    String medium = "m".repeat(300);
    String large = "L".repeat(70_000);
    return Stream.of(
        Arguments.of(
            "one small text frame", frames(frame(0x81, small, false)), List.of("1:" + small)),
        Arguments.of(
            "16-bit and 64-bit lengths",
            frames(frame(0x81, medium, false), frame(0x82, large, false)),
            List.of("1:" + medium, "2:" + large)),
        Arguments.of(
            "masked",
            frames(frame(0x81, small, true), frame(0x81, medium, true)),
            List.of("1:" + small, "1:" + medium)),
        Arguments.of(
            "fragmented with a ping between the fragments",
            frames(
                frame(0x01, "ab", false),
                frame(0x89, "p", false),
                frame(0x00, "cd", false),
                frame(0x80, "ef", false),
                frame(0x81, small, false)),
            List.of("9:p", "1:abcdef", "1:" + small)),
        Arguments.of(
            "close with a code",
            frames(frame(0x81, small, false), frame(0x88, "\u000f\u00a6slow consumer", false)),
            List.of("1:" + small, "8:\u000f\u00a6slow consumer")));
  }

  @ParameterizedTest(name = "{0}, cut at every position")
  @MethodSource("streams")
  void messagesComeOutWholeWhereverTheReadsAreCut(
      String name, byte[] stream, List<String> expected) {
    IntStream.rangeClosed(0, stream.length)
        .filter(
            cut -> stream.length < 1000 || cut % 997 == 0 || cut < 20 || cut > stream.length - 20)
        .forEach(
            cut -> {
              WsFrameParser parser = new WsFrameParser();
              List<String> got = new ArrayList<>();
              WsFrameParser.Sink sink =
                  (opcode, payload, from, to) ->
                      got.add(
                          opcode
                              + ":"
                              + new String(payload, from, to - from, StandardCharsets.ISO_8859_1));

              parser.feed(Arrays.copyOfRange(stream, 0, cut), sink);
              parser.feed(Arrays.copyOfRange(stream, cut, stream.length), sink);

              assertEquals(expected, got, "cut at " + cut);
            });
  }

  static byte[] frames(byte[]... frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] frame : frames) {
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  /** A frame as a server (or, masked, a client) writes it. */
  static byte[] frame(int firstByte, String text, boolean masked) {
    byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(firstByte);
    int mask = masked ? 0x80 : 0;
    if (payload.length < 126) {
      out.write(mask | payload.length);
    } else if (payload.length < 65536) {
      out.write(mask | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xFF);
    } else {
      out.write(mask | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) payload.length >> shift) & 0xFF);
      }
    }
    byte[] key = {0x12, 0x34, 0x56, 0x78};
    if (masked) {
      out.writeBytes(key);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= key[i & 3];
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
