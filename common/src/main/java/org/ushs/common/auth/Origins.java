package org.ushs.common.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins ({@code scheme://host[:port]}) in one comparable form: lower case, without a default
 * port or a trailing slash. Pure.
 */
public final class Origins {

  private Origins() {}

  /** The normal form of {@code origin}, or empty if it is not an http(s) origin. */
  public static Optional<String> normalize(String origin) {
    if (origin == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
      String scheme = uri.getScheme();
      String path = uri.getRawPath();
      boolean bare =
          (path == null || path.isEmpty() || path.equals("/"))
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null || !bare) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (port == 443 && scheme.equals("https"))
              || (port == 80 && scheme.equals("http"));
      return Optional.of(scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
