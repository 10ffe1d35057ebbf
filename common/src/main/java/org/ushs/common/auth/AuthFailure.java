package org.ushs.common.auth;

/** Why authentication or authorization failed; the message is safe to show and to log. */
public final class AuthFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The kinds of failure, each with its WebSocket code and HTTP status. */
  public enum Kind {
    MISSING(4001, 401),
    INVALID(4002, 401),
    FORBIDDEN(4002, 403);

    public final int wsCode;
    public final int httpStatus;

    Kind(int wsCode, int httpStatus) {
      this.wsCode = wsCode;
      this.httpStatus = httpStatus;
    }
  }

  private final Kind kind;

  public AuthFailure(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
