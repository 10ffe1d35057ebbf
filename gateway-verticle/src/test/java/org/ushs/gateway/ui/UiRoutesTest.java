package org.ushs.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link UiRoutes} on a real server on loopback: what each path answers, on and off. */
class UiRoutesTest {

  private Vertx vertx;
  private HttpClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  @ParameterizedTest(name = "enabled={0} {1} -> {2}")
  @CsvSource({
    "true, /ushs/ui, 200, text/html, USHS live view",
    "true, /ushs/ui/, 200, text/html, USHS live view",
    "true, /ushs/ui/ushs-client.js, 200, text/javascript, export class UshsClient",
    "true, /ushs/ui/app.js, 200, text/javascript, new UshsClient",
    "true, /ushs/ui/style.css, 200, text/css, .state",
    "true, /ushs/ui/missing.js, 404, text/html, ''",
    "true, /ushs/ui/../health, 404, text/html, ''",
    "false, /ushs/ui, 404, text/html, ''",
    "false, /ushs/ui/ushs-client.js, 404, text/html, ''",
  })
  void servesThePageOnlyWhenEnabled(
      boolean enabled, String path, int status, String type, String content) {
    Router router = Router.router(vertx);
    UiRoutes.mount(router, enabled);
    HttpServer server =
        await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    HttpClientResponse[] response = new HttpClientResponse[1];
    String body =
        await(
                client
                    .request(HttpMethod.GET, server.actualPort(), "127.0.0.1", path)
                    .compose(request -> request.send())
                    .compose(
                        answer -> {
                          response[0] = answer;
                          return answer.body();
                        }))
            .toString();
    assertEquals(status, response[0].statusCode(), path);
    assertTrue(
        response[0].getHeader("Content-Type").startsWith(type),
        response[0].getHeader("Content-Type"));
    assertTrue(body.contains(content), body);
    if (enabled && status == 200) {
      assertTrue(response[0].getHeader("Content-Security-Policy").contains("script-src 'self'"));
      assertEquals("nosniff", response[0].getHeader("X-Content-Type-Options"));
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }
}
