package org.ushs.bench;

/**
 * One subscriber to open: the service it filters on (null: every event) and, for a resume, the id
 * to resume after (null: none).
 */
record SubscriberSpec(String service, String lastEventId) {

  /** The connect URI: every error event, or those of {@code service}. */
  String uri() {
    return "/ushs/v1/ws?subscribe=error" + (service == null ? "" : "&service=" + service);
  }
}
