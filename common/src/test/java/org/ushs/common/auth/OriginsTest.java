package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Origins#normalize}: one comparable form, or none. */
class OriginsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://dash.example          | https://dash.example
          HTTPS://Dash.Example          | https://dash.example
          https://dash.example/         | https://dash.example
          https://dash.example:443      | https://dash.example
          http://dash.example:80        | http://dash.example
          https://dash.example:8443     | https://dash.example:8443
          http://127.0.0.1:8080         | http://127.0.0.1:8080
          https://dash.example/app      | -
          https://dash.example?x=1      | -
          https://user@dash.example     | -
          null                          | -
          file://                       | -
          ws://dash.example             | -
          dash.example                  | -
          ''                            | -
          """)
  void normalForm(String origin, String expected) {
    assertEquals(expected, Origins.normalize(origin).orElse("-"));
  }
}
