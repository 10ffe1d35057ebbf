package org.ushs.ingest;

import java.util.List;
import org.ushs.common.event.Problem;

/** A publish refused as a whole, with every problem found; answered 400. */
final class InvalidEvents extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  InvalidEvents(List<Problem> problems) {
    super(problems.size() + " invalid field(s)", null, false, false);
    this.problems = List.copyOf(problems);
  }

  InvalidEvents(String field, String error) {
    this(List.of(new Problem(field, error)));
  }

  List<Problem> problems() {
    return problems;
  }
}
