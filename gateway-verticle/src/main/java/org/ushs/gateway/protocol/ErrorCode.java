package org.ushs.gateway.protocol;

import org.ushs.protocol.CloseCode;

/**
 * The codes the gateway sends, in error messages and close frames: each is one row of the shared
 * table {@link CloseCode} (in the protocol module, where README {@code ## Codes}, the SDK and the
 * CLI read it), under the names the gateway's code uses. Some closes carry a more precise reason:
 * 1001 {@code heartbeat timeout}, 4002 {@code token expired}, 4003 {@code rate limit: 100/s burst
 * 1000 retry-after=1}, 1013 {@code connection limit: N per node} or {@code per identity}. A
 * connection over a connection limit is accepted and then closed with 1013, rather than refused
 * with HTTP 503 before the upgrade, so that browsers, which cannot read the status of a refused
 * upgrade, learn why too.
 */
public enum ErrorCode {
  GOING_AWAY(CloseCode.GOING_AWAY),
  PROTOCOL_ERROR(CloseCode.PROTOCOL_ERROR),
  INVALID_PAYLOAD(CloseCode.INVALID_PAYLOAD),
  MESSAGE_TOO_BIG(CloseCode.MESSAGE_TOO_BIG),
  CONNECTION_LIMIT(CloseCode.CONNECTION_LIMIT),
  /** 1013 as well, with the reason {@code try again later: ...}. */
  TRY_AGAIN_LATER(CloseCode.CONNECTION_LIMIT),
  INVALID_MESSAGE(CloseCode.INVALID_MESSAGE),
  AUTH_REQUIRED(CloseCode.AUTH_REQUIRED),
  UNAUTHORIZED(CloseCode.UNAUTHORIZED),
  RATE_LIMITED(CloseCode.RATE_LIMITED),
  INVALID_SUBSCRIPTION(CloseCode.INVALID_SUBSCRIPTION),
  SERVER_ERROR(CloseCode.SERVER_ERROR),
  SLOW_CONSUMER(CloseCode.SLOW_CONSUMER);

  /** The shared table's row. */
  public final CloseCode shared;

  public final int code;
  public final String message;
  public final CloseCode.Advice advice;

  ErrorCode(CloseCode shared) {
    this.shared = shared;
    this.code = shared.code;
    this.message = shared.reason;
    this.advice = shared.advice;
  }
}
