package org.ushs.common.event;

/**
 * The attributes of an event that routing and filtering need, kept beside its JSON so that no node
 * parses the JSON again. {@code service}, {@code severity} and {@code sessionId} are null when the
 * event does not carry them.
 */
public record EventKeys(
    String id,
    String source,
    String type,
    Category category,
    String service,
    String severity,
    String sessionId) {

  /**
   * The key a publish is logged once by: {@code source} and {@code id}, which CloudEvents says are
   * unique together.
   */
  public String publishKey() {
    return source + '\u0000' + id;
  }

  /** About how many bytes these keys take in memory and on the wire. */
  public int approximateBytes() {
    return 64
        + length(id)
        + length(source)
        + length(type)
        + length(service)
        + length(severity)
        + length(sessionId);
  }

  private static int length(String value) {
    return value == null ? 0 : value.length();
  }
}
