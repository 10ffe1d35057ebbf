package org.ushs.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.ushs.client.event.DeploymentEvent;
import org.ushs.client.event.ErrorDetected;
import org.ushs.client.event.EventData;
import org.ushs.client.event.OtherData;
import org.ushs.client.event.PatchEvent;
import org.ushs.client.event.SessionEvent;
import org.ushs.client.event.UshsEvent;

/** Prints events as JSON lines (the CloudEvent as received) or as a table a person reads. */
final class EventPrinter {

  enum Format {
    json,
    table
  }

  private static final String ROW = "%-12s %8s  %-32s %-14s %-8s %s%n";
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final Format format;
  private boolean headed;

  EventPrinter(PrintWriter out, Format format) {
    this.out = out;
    this.format = format;
  }

  void print(UshsEvent event) {
    if (format == Format.json) {
      out.println(event.json().encode());
    } else {
      if (!headed) {
        headed = true;
        out.printf(ROW, "TIME(UTC)", "SEQ", "TYPE", "SERVICE", "SEVERITY", "DETAIL");
      }
      out.printf(
          ROW,
          event.time() == null ? "-" : CLOCK.format(event.time()),
          event.sequence(),
          event.type(),
          orDash(event.service()),
          orDash(event.severity()),
          detail(event.data()));
    }
    out.flush();
  }

  static String detail(EventData data) {
    if (data instanceof ErrorDetected e) {
      return e.errorId() + ": " + e.summary();
    }
    if (data instanceof SessionEvent s) {
      return "session "
          + s.sessionId()
          + (s.phase() == null ? "" : " " + s.phase())
          + (s.status() == null ? "" : " " + s.status());
    }
    if (data instanceof PatchEvent p) {
      return "patch "
          + p.patchId()
          + " session "
          + p.sessionId()
          + (p.confidence() == null ? "" : " confidence " + p.confidence());
    }
    if (data instanceof DeploymentEvent d) {
      return "deployment "
          + d.deploymentId()
          + " patch "
          + d.patchId()
          + (d.progress() == null ? "" : " " + d.progress() + "%");
    }
    JsonObject json = ((OtherData) data).json();
    return json.isEmpty() ? "" : json.encode();
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}
