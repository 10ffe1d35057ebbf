package org.ushs.common.log.writer;

/** A write the writer did not log, and why (see {@link LogRefusal}). */
public final class WriteRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final LogRefusal refusal;

  public WriteRefused(LogRefusal refusal, String detail) {
    super(detail, null, false, false);
    this.refusal = refusal;
  }

  public WriteRefused(LogRefusal refusal) {
    this(refusal, refusal.detail);
  }

  public LogRefusal refusal() {
    return refusal;
  }
}
