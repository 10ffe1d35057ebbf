package org.ushs.client;

import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The handshake of one connection attempt: where to, the query (first subscription, API key or
 * access token) and the headers ({@code Authorization}, {@code Last-Event-Position}, {@code
 * Last-Event-ID}). Pure.
 */
final class ConnectRequest {

  static final String DEFAULT_PATH = "/ushs/v1/ws";

  private ConnectRequest() {}

  /**
   * The options to open {@code endpoint} with.
   *
   * @param first the subscription the query carries, or null
   * @param resume where to resume
   */
  static WebSocketConnectOptions options(
      URI endpoint, ClientCredentials credentials, Subscription first, ResumePoint resume) {
    boolean tls = check(endpoint);
    int port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80;
    String path =
        endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
            ? DEFAULT_PATH
            : endpoint.getRawPath();
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost(endpoint.getHost())
            .setPort(port)
            .setSsl(tls)
            .setURI(path + query(endpoint.getRawQuery(), credentials, first));
    if (credentials instanceof ClientCredentials.Bearer bearer) {
      options.addHeader("Authorization", "Bearer " + bearer.token());
    }
    if (resume.position() != null) {
      options.addHeader("Last-Event-Position", resume.position().toString());
    }
    if (resume.lastEventId() != null) {
      options.addHeader("Last-Event-ID", resume.lastEventId());
    }
    return options;
  }

  /** Whether {@code endpoint} is TLS; throws IllegalArgumentException when it is unusable. */
  static boolean check(URI endpoint) {
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
    boolean tls =
        switch (scheme.toLowerCase(Locale.ROOT)) {
          case "wss", "https" -> true;
          case "ws", "http" -> false;
          default ->
              throw new IllegalArgumentException("endpoint scheme must be ws or wss: " + endpoint);
        };
    if (endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint has no host: " + endpoint);
    }
    return tls;
  }

  private static String query(String existing, ClientCredentials credentials, Subscription first) {
    Map<String, String> params = new LinkedHashMap<>();
    if (first != null) {
      params.putAll(first.toQuery());
    }
    if (credentials instanceof ClientCredentials.ApiKey key) {
      params.put("apikey", key.key());
    } else if (credentials instanceof ClientCredentials.AccessToken token) {
      params.put("access_token", token.token());
    }
    String added =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    String base = existing == null ? "" : existing;
    String joined = base.isEmpty() || added.isEmpty() ? base + added : base + "&" + added;
    return joined.isEmpty() ? "" : "?" + joined;
  }
}
