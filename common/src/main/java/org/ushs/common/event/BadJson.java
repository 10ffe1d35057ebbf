package org.ushs.common.event;

/**
 * Input that is not one readable JSON text of the expected shape (invalid UTF-8, a syntax error, a
 * duplicate key, an array where an object belongs); {@link #problem()} names where.
 */
public final class BadJson extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  BadJson(String field, String error) {
    super(field + ": " + error, null, false, false);
    this.problem = new Problem(field, error);
  }

  /** Where the input is wrong (a JSON path such as {@code [1].data.metrics}, or body) and why. */
  public Problem problem() {
    return problem;
  }
}
