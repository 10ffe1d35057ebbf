package org.ushs.common.net;

/**
 * Client-supplied text made fit for a log line: control characters escaped and length capped, so
 * that a header cannot forge or flood log lines; and URIs with their query redacted, since query
 * strings may carry tokens and keys. Pure.
 */
public final class LogText {

  public static final int MAX_CHARS = 200;

  private LogText() {}

  /**
   * {@code text} with control characters as {@code \\uXXXX}, at most 200 characters; null stays.
   */
  public static String safe(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() < MAX_CHARS ? out.toString() : out + "...";
  }

  /** The path of {@code uri} with any query replaced by {@code ?<redacted>}. */
  public static String redactedUri(String uri) {
    if (uri == null) {
      return null;
    }
    int query = uri.indexOf('?');
    return safe(query < 0 ? uri : uri.substring(0, query) + "?<redacted>");
  }
}
