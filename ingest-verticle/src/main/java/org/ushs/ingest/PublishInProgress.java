package org.ushs.ingest;

/** Another node is logging the same {@code source}+{@code id} right now; answered 503, retry. */
final class PublishInProgress extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PublishInProgress(String id) {
    super("a publish of id " + id + " is being logged by another node; retry", null, false, false);
  }
}
