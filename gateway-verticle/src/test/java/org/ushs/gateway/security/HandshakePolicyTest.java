package org.ushs.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.net.LogText;

/** {@link OriginPolicy} and {@link LogText}: who may connect, and what a log line may hold. */
class HandshakePolicyTest {

  private static final OriginPolicy DASHBOARDS =
      new OriginPolicy(List.of("https://dash.example", "http://localhost:3000"));

  /** Columns: the Origin header ({@code -}: none), allowed by the list, allowed with no list. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://dash.example          | true  | true
          HTTPS://DASH.EXAMPLE:443      | true  | true
          http://localhost:3000         | true  | true
          https://evil.example          | false | true
          https://dash.example.evil     | false | true
          http://dash.example           | false | true
          https://dash.example:8443     | false | true
          null                          | false | true
          -                             | true  | true
          """)
  void origins(String origin, boolean allowed, boolean allowedWithoutList) {
    String header = origin.equals("-") ? null : origin;
    assertEquals(allowed, DASHBOARDS.allows(header));
    assertEquals(allowedWithoutList, new OriginPolicy(List.of()).allows(header));
  }

  /** Columns: a URI, and how it is logged. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /ushs/v1/ws                                   | /ushs/v1/ws
          /ushs/v1/ws?apikey=ushs_secret&subscribe=*    | /ushs/v1/ws?<redacted>
          /ushs/v1/ws?access_token=a.b.c                | /ushs/v1/ws?<redacted>
          /other?                                       | /other?<redacted>
          """)
  void queriesAreRedacted(String uri, String logged) {
    assertEquals(logged, LogText.redactedUri(uri));
  }

  @org.junit.jupiter.api.Test
  void controlCharactersCannotForgeLines() {
    assertEquals("a\\u000aINFO forged", LogText.safe("a\nINFO forged"));
    assertEquals(LogText.MAX_CHARS + 3, LogText.safe("x".repeat(1000)).length());
  }
}
