package org.ushs.common.auth;

/**
 * Why authentication or authorization failed. The message is safe to show and to log: it never
 * holds a token, a key or any part of one. {@code identity} names who was refused when that is
 * known (a verified token's subject, an API key's id, a certificate's SAN), for the log only.
 */
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
  private final String identity;

  public AuthFailure(Kind kind, String message) {
    this(kind, message, null);
  }

  public AuthFailure(Kind kind, String message, String identity) {
    super(message, null, false, false);
    this.kind = kind;
    this.identity = identity;
  }

  /** A failure of kind INVALID. */
  public static AuthFailure invalid(String message) {
    return new AuthFailure(Kind.INVALID, message);
  }

  public Kind kind() {
    return kind;
  }

  /** Who was refused, if known; null otherwise. Never a secret. */
  public String identity() {
    return identity;
  }
}
