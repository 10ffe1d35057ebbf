package org.ushs.gateway;

import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ushs.gateway.protocol.ProtocolError;

/**
 * Fuzz of the handshake's query ({@code lastEventId}, {@code lastEventSource}, {@code subscribe},
 * ...): any query up to 8 KiB parses, or is refused with the declared {@link
 * IllegalArgumentException} (a malformed percent escape), and its first subscription is a
 * subscription or a {@link ProtocolError}.
 */
class ConnectQueryFuzzTest {

  @Property(tries = 500)
  void anyQueryParsesOrIsRefusedAsMalformed(@ForAll("queries") String query) {
    ConnectQuery parsed;
    try {
      parsed = ConnectQuery.parse(query);
    } catch (IllegalArgumentException malformed) {
      return;
    }
    parsed.first("lastEventId");
    parsed.first("lastEventSource");
    try {
      parsed.subscription();
    } catch (ProtocolError expected) {
      // the declared refusal
    }
  }

  @Example
  void aMalformedEscapeIsTheDeclaredRefusal() {
    assertThrows(IllegalArgumentException.class, () -> ConnectQuery.parse("lastEventId=%zz"));
    assertThrows(IllegalArgumentException.class, () -> ConnectQuery.parse("lastEventId=%"));
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of(
                "lastEventId", "lastEventSource", "subscribe", "service", "session", "apikey"),
            Arbitraries.strings().ofMaxLength(10));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(64),
            Arbitraries.strings().withChars("%0123456789abcdefxyz+&=,;").ofMaxLength(32),
            Arbitraries.of("earliest", "42", "-1", "9".repeat(40), "error,session", "*", ""));
    return Arbitraries.maps(names, values)
        .ofMaxSize(8)
        .map(
            map -> {
              StringBuilder out = new StringBuilder();
              map.forEach(
                  (k, v) ->
                      out.append(out.length() > 0 ? "&" : "").append(k).append('=').append(v));
              return out.toString();
            });
  }
}
