package org.ushs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The benchmark's events: real {@code org.ushs.error.detected} CloudEvents, padded in {@code data}
 * so that the event as a client receives it (with the {@code sequence} the server splices in) is
 * about {@link #DELIVERED_SIZE} bytes. {@code data.sentAtNanos} carries the generator's {@link
 * System#nanoTime()} at publish, for latency; the id ends with the publish number {@code n}.
 */
final class EventFactory {

  /** The size of an event as delivered, the competitors' figure. */
  static final int DELIVERED_SIZE = 456;

  /** What the server adds: {@code "sequence":"NNNNNNN",} with a 7-digit sequence. */
  static final int SEQUENCE_OVERHEAD = 21;

  /** The severities {@link #mixed} events cycle through, most urgent first. */
  static final String[] SEVERITIES = {"critical", "high", "medium", "low"};

  private final String idPrefix;
  private final int services;
  private final boolean mixed;

  /**
   * @param runTag makes ids unique across runs (the server dedupes by source and id)
   * @param services events cycle through services {@code svc-0 .. svc-(services-1)}
   */
  EventFactory(String runTag, int services) {
    this(runTag, services, false);
  }

  /**
   * @param mixed event {@code n} has severity {@code SEVERITIES[n % 4]} rather than {@code high}
   */
  EventFactory(String runTag, int services, boolean mixed) {
    this.idPrefix = runTag + "-";
    this.services = services;
    this.mixed = mixed;
  }

  /** The severity of event {@code n}. */
  String severity(long n) {
    return mixed ? SEVERITIES[(int) (n % SEVERITIES.length)] : "high";
  }

  /** The service of event {@code n}. */
  String service(long n) {
    return serviceName((int) (n % services));
  }

  static String serviceName(int k) {
    return "svc-" + k;
  }

  /** The id of event {@code n}. */
  String id(long n) {
    return idPrefix + n;
  }

  /** Event {@code n}, published now, as JSON bytes. */
  byte[] event(long n, long sentAtNanos, Instant now) {
    String service = service(n);
    String severity = severity(n);
    StringBuilder json = new StringBuilder(DELIVERED_SIZE);
    json.append("{\"specversion\":\"1.0\",\"id\":\"")
        .append(id(n))
        .append("\",\"source\":\"/bench/publisher\",\"type\":\"org.ushs.error.detected\",")
        .append("\"datacontenttype\":\"application/json\",\"time\":\"")
        .append(now)
        .append("\",\"service\":\"")
        .append(service)
        .append("\",\"severity\":\"")
        .append(severity)
        .append("\",\"data\":{\"errorId\":\"err-")
        .append(n)
        .append("\",\"severity\":\"")
        .append(severity)
        .append("\",\"service\":\"")
        .append(service)
        .append("\",\"summary\":\"bench load\",\"sentAtNanos\":")
        .append(sentAtNanos)
        .append(",\"pad\":\"");
    int pad = DELIVERED_SIZE - SEQUENCE_OVERHEAD - json.length() - 3;
    for (int i = 0; i < pad; i++) {
      json.append('x');
    }
    json.append("\"}}");
    return json.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
