package org.ushs.common.log.writer;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Why a write was not logged, as a writer answers it over the bus (the failure code) and as the
 * publish API answers it (the HTTP status). None of these logged anything of the request that was
 * not logged before: a retry with the same ids is safe.
 */
public enum LogRefusal {
  /** This member does not own the partition (it moved): ask the owner again. */
  NOT_OWNER(421, 503, "Log owner moving", "the log's owner is changing; retry with the same ids"),
  /** The log could not be read or appended to. */
  UNAVAILABLE(503, 503, "Log unavailable", "the event was not logged; retry with the same ids"),
  /** Logging the request would put the retained log over USHS_REPLAY_MAX_BYTES. */
  FULL(
      507,
      503,
      "Replay log full",
      "the replay log holds USHS_REPLAY_MAX_BYTES; retry once older events have expired"),
  /** The request alone is larger than USHS_REPLAY_MAX_BYTES: it never fits. */
  TOO_LARGE(
      413, 413, "Too large for the replay log", "the events are larger than USHS_REPLAY_MAX_BYTES");

  /** The failure code on the bus. */
  public final int code;

  /** The HTTP status of the publish API. */
  public final int httpStatus;

  public final String title;
  public final String detail;

  LogRefusal(int code, int httpStatus, String title, String detail) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.title = title;
    this.detail = detail;
  }

  /** The failure a writer replies with. */
  public ReplyException failure() {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, detail);
  }

  /** The refusal a reply failure stands for, or UNAVAILABLE for any other failure. */
  public static LogRefusal of(Throwable failure) {
    if (failure instanceof ReplyException reply
        && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      for (LogRefusal refusal : values()) {
        if (refusal.code == reply.failureCode()) {
          return refusal;
        }
      }
    }
    return UNAVAILABLE;
  }
}
