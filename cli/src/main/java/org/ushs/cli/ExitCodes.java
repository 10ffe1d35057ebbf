package org.ushs.cli;

/** The exit codes scripts can rely on; README "ushs CLI" lists the same. */
final class ExitCodes {

  /** Done. */
  static final int OK = 0;

  /** Bad flags or input (unreadable file, invalid JSON). */
  static final int USAGE = 1;

  /** Credentials refused: close 4001/4002, HTTP 401/403. */
  static final int AUTH = 2;

  /** No connection, gave up reconnecting, a server failure (5xx, close 4005 at the end). */
  static final int CONNECTION = 3;

  /** The publish API rejected an event: HTTP 400 or 413; the problem is printed. */
  static final int REJECTED = 4;

  private ExitCodes() {}
}
