package org.ushs.gateway.protocol;

/**
 * A client message refused with an error message; the connection stays open. {@code field} and
 * {@code error} become {@code details}, when present.
 */
public final class ProtocolError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String field;
  private final String error;

  public ProtocolError(ErrorCode code, String field, String error) {
    super(code.message + (field == null ? "" : ": " + field + " " + error), null, false, false);
    this.code = code;
    this.field = field;
    this.error = error;
  }

  public ErrorCode code() {
    return code;
  }

  public String field() {
    return field;
  }

  public String error() {
    return error;
  }
}
