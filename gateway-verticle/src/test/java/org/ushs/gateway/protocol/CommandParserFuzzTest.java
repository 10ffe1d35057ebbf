package org.ushs.gateway.protocol;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Fuzz of {@link CommandParser#parse}, the entry point of every client message: any text up to the
 * frame limit (64 KiB) gives a command or a {@link ProtocolError}, never another exception. Bounded
 * in time by the number of tries.
 */
class CommandParserFuzzTest {

  private static final int MAX_FRAME = 64 * 1024;

  @Property(tries = 500)
  void anyTextGivesACommandOrAProtocolError(@ForAll @StringLength(max = 2048) String text) {
    parse(text);
  }

  @Property(tries = 500)
  void commandShapedJsonGivesACommandOrAProtocolError(@ForAll("commands") String text) {
    parse(text);
  }

  @Example
  void deepNestingAtTheFrameLimitIsRefused() {
    parse("[".repeat(MAX_FRAME));
    parse("{\"command\":\"subscribe\",\"eventTypes\":" + "[".repeat(MAX_FRAME - 40) + "}");
  }

  @Example
  void manySelectorsAtTheFrameLimitAreParsed() {
    StringBuilder types = new StringBuilder("[");
    while (types.length() < MAX_FRAME - 100) {
      types.append("\"error\",");
    }
    parse("{\"command\":\"subscribe\",\"eventTypes\":" + types + "\"*\"]}");
  }

  @Provide
  Arbitrary<String> commands() {
    Arbitrary<String> command =
        Arbitraries.oneOf(
            Arbitraries.of("subscribe", "unsubscribe", "ping", "refresh", "").map(Json::quote),
            json());
    return Arbitraries.maps(
            Arbitraries.oneOf(
                Arbitraries.of(
                    "command", "eventTypes", "filters", "service", "severity", "session", "token"),
                Arbitraries.strings().ofMaxLength(8)),
            json())
        .ofMaxSize(6)
        .flatMap(
            fields ->
                command.map(
                    name -> {
                      StringBuilder out = new StringBuilder("{\"command\":" + name);
                      fields.forEach(
                          (k, v) -> out.append(',').append(Json.quote(k)).append(':').append(v));
                      return out.append('}').toString();
                    }));
  }

  /** Arbitrary JSON values, nested a little. */
  private static Arbitrary<String> json() {
    return Arbitraries.recursive(
        () ->
            Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(Json::quote),
                Arbitraries.of("error", "session", "*", "org.ushs.error.x", "high", "x.y")
                    .map(Json::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "{}", "[]")),
        element ->
            Arbitraries.oneOf(
                element.list().ofMaxSize(5).map(list -> "[" + String.join(",", list) + "]"),
                Arbitraries.maps(Arbitraries.of("service", "severity", "session", "x"), element)
                    .ofMaxSize(3)
                    .map(
                        map -> {
                          StringBuilder out = new StringBuilder("{");
                          map.forEach(
                              (k, v) ->
                                  out.append(out.length() > 1 ? "," : "")
                                      .append(Json.quote(k))
                                      .append(':')
                                      .append(v));
                          return out.append('}').toString();
                        })),
        0,
        3);
  }

  private static void parse(String text) {
    try {
      CommandParser.parse(text);
    } catch (ProtocolError expected) {
      // the declared refusal
    }
  }

  /** JSON string quoting. */
  private static final class Json {
    static String quote(String text) {
      return io.vertx.core.json.Json.encode(text);
    }
  }
}
