package org.ushs.client;

/**
 * Why a request or the client failed: a server error message, a close, or a lost connection. {@link
 * #code()} is the protocol or close code, or 0 when there is none.
 */
public final class UshsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final boolean connectionLost;

  public UshsException(int code, String message) {
    this(code, message, false);
  }

  private UshsException(int code, String message, boolean connectionLost) {
    super(message);
    this.code = code;
    this.connectionLost = connectionLost;
  }

  public UshsException(UshsError error) {
    this(error.code(), error.toString());
  }

  /** The request was not answered because there was no connection or it ended. */
  public static UshsException connectionLost(Integer closeCode, String reason) {
    return new UshsException(
        closeCode == null ? 0 : closeCode, reason == null ? "not connected" : reason, true);
  }

  /** True when the request was not answered for want of a connection; it may be retried. */
  public boolean isConnectionLost() {
    return connectionLost;
  }

  public int code() {
    return code;
  }
}
