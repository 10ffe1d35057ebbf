package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectRequestTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "none",
      value = {
        "ws://h:8080/ushs/v1/ws, none, none, h, 8080, false, /ushs/v1/ws",
        "ws://h:8080, none, none, h, 8080, false, /ushs/v1/ws",
        "wss://h, none, none, h, 443, true, /ushs/v1/ws",
        "ws://h, none, none, h, 80, false, /ushs/v1/ws",
        "ws://h:1/ushs/v1/ws, error|patch, none, h, 1, false, /ushs/v1/ws?subscribe=error%2Cpatch",
        "ws://h:1/x?a=b, error, apikey:k&1, h, 1, false, /x?a=b&subscribe=error&apikey=k%261",
        "ws://h:1, none, access:t.o.k, h, 1, false, /ushs/v1/ws?access_token=t.o.k",
        "ws://h:1, none, bearer:jwt, h, 1, false, /ushs/v1/ws"
      })
  void buildsTheHandshake(
      String url, String types, String credential, String host, int port, boolean ssl, String uri) {
    Subscription first = types == null ? null : Subscription.of(types.split("\\|", -1));
    WebSocketConnectOptions options =
        ConnectRequest.options(URI.create(url), credentials(credential), first, ResumePoint.NONE);
    assertEquals(host, options.getHost());
    assertEquals(port, options.getPort());
    assertEquals(ssl, options.isSsl());
    assertEquals(uri, options.getURI());
  }

  private static ClientCredentials credentials(String spec) {
    if (spec == null) {
      return new ClientCredentials.None();
    }
    String value = spec.substring(spec.indexOf(':') + 1);
    return switch (spec.substring(0, spec.indexOf(':'))) {
      case "apikey" -> new ClientCredentials.ApiKey(value);
      case "access" -> new ClientCredentials.AccessToken(value);
      default -> new ClientCredentials.Bearer(value);
    };
  }

  @ParameterizedTest(name = "headers: credentials {0}, last event {1} at {2}")
  @CsvSource(
      nullValues = "none",
      value = {
        "bearer:jwt, e-9, 00000000000000aa:9, Bearer jwt",
        "none, none, none, none",
        "apikey:k, e-1, none, none",
        "none, none, 0123456789abcdef:0, none"
      })
  void setsTheHeaders(String credential, String lastEventId, String position, String auth) {
    ResumePoint resume =
        new ResumePoint(lastEventId, position == null ? null : EventPosition.parse(position));
    WebSocketConnectOptions options =
        ConnectRequest.options(
            URI.create("ws://h:1"), credentials(credential), Subscription.of("*"), resume);
    assertEquals(auth, header(options, "Authorization"));
    assertEquals(lastEventId, header(options, "Last-Event-ID"));
    assertEquals(position, header(options, "Last-Event-Position"));
  }

  private static String header(WebSocketConnectOptions options, String name) {
    return options.getHeaders() == null ? null : options.getHeaders().get(name);
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource({"http2://h:1", "ftp://h/x", "ws:/nohost"})
  void refusesOtherSchemes(String url) {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ConnectRequest.options(
                URI.create(url), new ClientCredentials.None(), null, ResumePoint.NONE));
  }
}
