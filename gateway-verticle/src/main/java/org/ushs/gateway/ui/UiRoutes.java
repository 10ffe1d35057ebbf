package org.ushs.gateway.ui;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The live page and the browser client ({@code ushs-client.js}), served from the classpath folder
 * {@code ushs-ui} at {@code /ushs/ui} and {@code /ushs/ui/...}, only when enabled ({@code
 * USHS_UI=true}); when disabled nothing is mounted and those paths answer 404. The page takes its
 * token from the URL fragment or a field, so no credential reaches the server's logs.
 */
public final class UiRoutes {

  /** The page's path; its assets are below it. */
  public static final String PATH = "/ushs/ui";

  // only this origin's scripts and styles; WebSockets to any gateway the page is told about
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private UiRoutes() {}

  /** Mounts the page on {@code router} when {@code enabled}. */
  public static void mount(Router router, boolean enabled) {
    if (!enabled) {
      return;
    }
    router.route(PATH + "*").handler(UiRoutes::headers);
    // the static handler does not find index pages in classpath folders by itself
    router.get(PATH).handler(context -> context.reroute(PATH + "/index.html"));
    router.get(PATH + "/").handler(context -> context.reroute(PATH + "/index.html"));
    router
        .get(PATH + "/*")
        .handler(StaticHandler.create("ushs-ui").setDirectoryListing(false).setMaxAgeSeconds(60));
  }

  private static void headers(RoutingContext context) {
    context
        .response()
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    context.next();
  }
}
