package org.ushs.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import java.security.cert.Certificate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.auth.AuthFailure;
import org.ushs.common.auth.Credentials;

/**
 * {@link WebSocketCredentials}: where a handshake's credentials are found, in which order, and the
 * token subprotocol's form.
 */
class WebSocketCredentialsTest {

  private static String found(String headers, String query) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    if (!headers.isBlank()) {
      for (String header : headers.split(";", -1)) {
        int colon = header.indexOf(':');
        map.add(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
      }
    }
    List<Certificate> none = List.of();
    return WebSocketCredentials.find(map, new QueryStringDecoder(query, false).parameters(), none)
        .map(WebSocketCredentialsTest::describe)
        .orElse("none");
  }

  private static String describe(Credentials credentials) {
    if (credentials instanceof Credentials.BearerToken bearer) {
      return "token " + bearer.token();
    }
    return "key " + ((Credentials.ApiKey) credentials).key();
  }

  /** Columns: headers (name: value; ...), query, and what is found. */
  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ' '                                                      | ''                          | none
          Authorization: Bearer h.h.h                              | ''                          | token h.h.h
          authorization: bearer h.h.h                              | ''                          | token h.h.h
          Authorization: Bearer  h.h.h                             | access_token=q.q.q          | token h.h.h
          Sec-WebSocket-Protocol: ushs.bearer.s.s.s, cloudevents.json | ''                       | token s.s.s
          Sec-WebSocket-Protocol: cloudevents.json,ushs.bearer.s.s.s | ''                        | token s.s.s
          Sec-WebSocket-Protocol: cloudevents.json                 | ''                          | none
          Sec-WebSocket-Protocol: ushs.bearer.                     | ''                          | none
          Sec-WebSocket-Protocol: ushs.bearer.s.s.s                | apikey=k1                   | token s.s.s
          X-API-Key: k2                                            | access_token=q.q.q          | key k2
          ' '                                                      | access_token=q.q.q&apikey=k1 | token q.q.q
          ' '                                                      | subscribe=error&apikey=k1   | key k1
          ' '                                                      | apikey=                     | none
          ' '                                                      | access_token=               | none
          ' '                                                      | apikey=a%2Bb%3D             | key a+b=
          """)
  void credentialsAreFoundInOrder(String headers, String query, String expected) {
    assertEquals(expected, found(headers, query));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Basic dXNlcjpwYXNz", "Token abc", "Bearerabc"})
  void anotherAuthorizationSchemeIsABadCredentialNotAMissingOne(String value) {
    AuthFailure failure =
        assertThrows(AuthFailure.class, () -> found("Authorization: " + value, ""));
    assertEquals(AuthFailure.Kind.INVALID, failure.kind());
  }
}
