package org.ushs.ingest;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.ushs.common.net.LogText;
import org.ushs.common.net.RefusalLog;

/**
 * The publish port's answer to requests that failed before a handler could answer them: a body over
 * the limit (413), a malformed request or body (400), a request whose client went away (nothing to
 * answer). Each is one rate-limited log line without a stack trace; every answered request is
 * ended, then its connection closed, since the rest of its body is not read.
 */
final class RouteFailures implements Handler<RoutingContext> {

  private final int maxBody;
  private final IngestMetrics metrics;
  private final RefusalLog refusals;

  RouteFailures(int maxBody, IngestMetrics metrics, RefusalLog refusals) {
    this.maxBody = maxBody;
    this.metrics = metrics;
    this.refusals = refusals;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (ctx.response().ended() || ctx.response().closed()) {
      refusals.refused(
          "request dropped",
          "publish port refused (request dropped): "
              + "the client went away from "
              + path(request));
      return;
    }
    int status = ctx.statusCode();
    if (status == 413) {
      metrics.rejected(413);
      refusals.refused(
          "body too large",
          "publish port refused (body too large): "
              + "over "
              + maxBody
              + " bytes to "
              + path(request));
      PublishConnections.refuse(
          request, 413, "Content Too Large", "the body exceeds " + maxBody + " bytes");
      return;
    }
    Throwable failure = ctx.failure();
    String what = failure == null ? "status " + status : failure.getClass().getSimpleName();
    boolean ours = failure != null && status < 400 && !clientFault(failure);
    if (status >= 500 || ours) {
      refusals.refused(
          "server error", "publish port refused (server error): " + what + " on " + path(request));
      PublishConnections.refuse(request, 500, "Internal Server Error", "the request failed");
      return;
    }
    refusals.refused(
        "malformed request",
        "publish port refused (malformed request): " + what + " on " + path(request));
    int shown = status >= 400 ? status : 400;
    PublishConnections.refuse(request, shown, "Bad Request", "the request could not be read");
  }

  /** Failures of reading what the client sent (a bad chunk, a connection reset mid-body). */
  private static boolean clientFault(Throwable failure) {
    String name = failure.getClass().getName();
    return name.startsWith("io.netty.handler.codec")
        || name.startsWith("io.vertx.core.http")
        || failure instanceof java.io.IOException
        || failure instanceof IllegalArgumentException;
  }

  /** The default answer to requests Vert.x cannot decode (400, 414, 431), logged quietly. */
  static Handler<HttpServerRequest> invalidRequests(RefusalLog refusals) {
    return request -> {
      Throwable cause = request.decoderResult().cause();
      refusals.refused(
          "malformed request",
          "publish port refused (malformed request): "
              + (cause == null ? "undecodable head" : cause.getClass().getSimpleName()));
      HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
    };
  }

  private static String path(HttpServerRequest request) {
    return LogText.safe(request.path());
  }
}
