package org.ushs.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a run's medians ({@code --json} lines, found by their {@code --key}) with the
 * competitors' figures and with issue 7's goals, as markdown.
 */
final class Goals {

  /** Competitors on a machine like ours: deliveries/s and server µs per delivery, 1k and 10k. */
  private static final List<String[]> COMPETITORS =
      List.of(
          new String[] {"NATS 2.9 websocket", "472000", "1.9", "173000", "2.8"},
          new String[] {"nchan", "295000", "2.7", "36000", "14.3"},
          new String[] {"Node ws", "69000", "13", "40000", "16.5"},
          new String[] {"Socket.IO", "49000", "15.1", "-", "-"});

  private final Map<String, JsonObject> byKey = new HashMap<>();

  Goals(List<String> jsonLines) {
    for (String line : jsonLines) {
      if (!line.isBlank()) {
        JsonObject result = new JsonObject(line);
        byKey.put(result.getString("key", result.getString("scenario")), result);
      }
    }
  }

  static String markdown(Path jsonl) throws IOException {
    return new Goals(Files.readAllLines(jsonl)).markdown();
  }

  /** The median of {@code column} in the result {@code key}; NaN when absent. */
  double figure(String key, String column) {
    JsonObject result = byKey.get(key);
    Object value = result == null ? null : result.getJsonObject("summary").getValue(column);
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    sideBySide(md);
    logPath(md);
    md.append("### Saturation, compared with the competitors' published figures\n\n");
    md.append("| server | deliveries/s, 1k subs | µs CPU/delivery, 1k | deliveries/s, 10k subs")
        .append(" | µs CPU/delivery, 10k |\n|---|---:|---:|---:|---:|\n");
    for (String[] row : COMPETITORS) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| **USHS (this run)** | %s | %s | %s | %s |%n%n",
            Stats.format(figure("sat1k", "deliv/s")),
            Stats.format(figure("sat1k", "srv µs/deliv")),
            Stats.format(figure("sat10k", "deliv/s")),
            Stats.format(figure("sat10k", "srv µs/deliv"))));
    md.append("### Saturation goals of issue 7\n\n| goal | measured | met |\n|---|---:|:---:|\n");
    goal(
        md,
        "server CPU per delivery at 1k subscribers <= 1.2 µs",
        figure("sat1k", "srv µs/deliv"),
        v -> v <= 1.2,
        " µs");
    goal(
        md,
        "server CPU per delivery at 10k subscribers <= 2 µs",
        figure("sat10k", "srv µs/deliv"),
        v -> v <= 2,
        " µs");
    goal(
        md,
        "deliveries/s at 1k subscribers > NATS (472k)",
        figure("sat1k", "deliv/s"),
        v -> v > 472_000,
        "");
    goal(
        md,
        "deliveries/s at 10k subscribers > NATS (173k)",
        figure("sat10k", "deliv/s"),
        v -> v > 173_000,
        "");
    double integrity = 0;
    for (String key : List.of("sat1k", "rate1k", "sat10k", "rate10k", "selective10k")) {
      for (String column : List.of("lost", "dup", "out-of-order")) {
        double value = figure(key, column);
        integrity += Double.isNaN(value) ? 0 : value;
      }
    }
    goal(
        md,
        "every event to every subscriber in order (lost + dup + out-of-order, all fan-out runs)",
        integrity,
        v -> v == 0,
        "");
    goal(
        md,
        "p99 latency at 20k deliveries/s, 1k subscribers < 50 ms",
        figure("rate1k", "p99 ms"),
        v -> v < 50,
        " ms");
    double ingest = Math.max(figure("ingest100", "acked ev/s"), figure("ingest1", "acked ev/s"));
    goal(md, "ingest >= 50k acked events/s (replay log on)", ingest, v -> v >= 50_000, "");
    goal(
        md,
        "resume of 10k missed events < 100 ms",
        figure("resume10k", "resume ms"),
        v -> v < 100,
        " ms");
    goal(
        md,
        "10k idle connections under 300 MB of heap",
        figure("idle10k", "heap after MB"),
        v -> v < 300,
        " MB");
    md.append(
        String.format(
            Locale.ROOT,
            "%nPer idle connection: %s KB of heap, %s KB of RSS.%n%n",
            Stats.format(figure("idle10k", "heap KB/conn")),
            Stats.format(figure("idle10k", "RSS KB/conn"))));
    return md.toString();
  }

  /** The headline: USHS and NATS at users' rates in the same run, and their ratio. */
  private void sideBySide(StringBuilder md) {
    md.append("### Side by side with NATS at users' rates (same run, same generator)\n\n")
        .append(
            "| load | server | deliveries/s | µs CPU/delivery | of it kernel | p50 ms | p99 ms |")
        .append(" lost+dup+ooo | USHS/NATS CPU |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    compare(md, "1k subscribers, 500 events/s", "users1k", "users1k-nats");
    compare(md, "10k subscribers, 50 events/s", "users10k", "users10k-nats");
    compare(
        md,
        "1k subscribers, 500 events/s, USHS_WRITE_DELAY=10ms",
        "users1k-delay10",
        "users1k-nats");
    compare(
        md,
        "10k subscribers, each event to 1% (saturation, batches of 10)",
        "selective10k",
        "selective10k-nats");
    md.append('\n');
    goal(
        md,
        "default settings, 1k subscribers: USHS CPU per delivery <= 1.0x NATS",
        ratio("users1k", "users1k-nats"),
        v -> v <= 1.0,
        "x");
    goal(
        md,
        "default settings, 10k subscribers: USHS CPU per delivery <= 1.0x NATS",
        ratio("users10k", "users10k-nats"),
        v -> v <= 1.0,
        "x");
    goal(
        md,
        "USHS_WRITE_DELAY=10ms, 1k subscribers: <= 0.5x NATS",
        ratio("users1k-delay10", "users1k-nats"),
        v -> v <= 0.5,
        "x");
    goal(
        md,
        "USHS_WRITE_DELAY=10ms: p99 no worse than NATS's (ms, USHS minus NATS)",
        figure("users1k-delay10", "p99 ms") - figure("users1k-nats", "p99 ms"),
        v -> v <= 0,
        " ms");
    goal(
        md,
        "selective fan-out (10k subscribers, 1% match) <= 2 µs per delivery",
        figure("selective10k", "srv µs/deliv"),
        v -> v <= 2,
        " µs");
    goal(
        md,
        "a slow reader under a mixed stream keeps every critical event (critical sent - got)",
        figure("shed", "critical sent") - figure("shed", "critical got"),
        v -> v == 0,
        "");
    md.append('\n');
  }

  private void compare(StringBuilder md, String load, String ushs, String nats) {
    row(
        md,
        load,
        "USHS",
        ushs,
        String.format(Locale.ROOT, "**%s**", Stats.format(ratio(ushs, nats))));
    row(md, load, "NATS " + "2.9 websocket", nats, "");
  }

  private void row(StringBuilder md, String load, String server, String key, String ratio) {
    double integrity = figure(key, "lost") + figure(key, "dup") + figure(key, "out-of-order");
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            load,
            server,
            Stats.format(figure(key, "deliv/s")),
            Stats.format(figure(key, "srv µs/deliv")),
            Stats.format(figure(key, "of it system µs/deliv")),
            Stats.format(figure(key, "p50 ms")),
            Stats.format(figure(key, "p99 ms")),
            Stats.format(integrity),
            ratio));
  }

  private void logPathRow(StringBuilder md, String what, String key, String column) {
    boolean node1 = column.equals("srv µs/event");
    String jit = node1 ? "of it JIT µs/event" : column.replace(" µs/event", " JIT µs/event");
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s |%n",
            what,
            Stats.format(figure(key, column)),
            Stats.format(figure(key, jit)),
            node1 ? Stats.format(figure(key, "of it system µs/event")) : "",
            node1 ? Stats.format(figure(key, "ack p50 ms")) : "",
            node1 ? Stats.format(figure(key, "ack p99 ms")) : ""));
  }

  private double ratio(String ushs, String nats) {
    return figure(ushs, "srv µs/deliv") / figure(nats, "srv µs/deliv");
  }

  /** Issue 12's goals: the log path's cost per event at a steady rate, acks, batches. */
  private void logPath(StringBuilder md) {
    md.append("### The log path at a steady 500 single-event publishes/s\n\n")
        .append("| | server µs CPU/event | of it JIT compiler | of it kernel | ack p50 ms |")
        .append(" ack p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
    logPathRow(md, "one node", "steady1", "srv µs/event");
    logPathRow(
        md, "NATS 2.9, same load (no log: core NATS publishes)", "steady1-nats", "srv µs/event");
    logPathRow(md, "three nodes: node 1 (load, clients)", "steady3", "srv µs/event");
    logPathRow(md, "three nodes: node 2", "steady3", "node2 µs/event");
    logPathRow(md, "three nodes: node 3", "steady3", "node3 µs/event");
    md.append('\n');
    goal(
        md,
        "one node: <= 50 µs of server CPU per event",
        figure("steady1", "srv µs/event"),
        v -> v <= 50,
        " µs");
    goal(
        md,
        "three nodes: the node with the least work (no clients) <= 25 µs per event",
        Math.min(figure("steady3", "node2 µs/event"), figure("steady3", "node3 µs/event")),
        v -> v <= 25,
        " µs");
    goal(
        md,
        "batches of 100: >= 150k acked events/s",
        figure("ingest100", "acked ev/s"),
        v -> v >= 150_000,
        "");
    goal(
        md,
        "publish-to-ack p99, one node <= 5 ms",
        figure("steady1", "ack p99 ms"),
        v -> v <= 5,
        " ms");
    goal(
        md,
        "publish-to-ack p99, three nodes <= 10 ms",
        figure("steady3", "ack p99 ms"),
        v -> v <= 10,
        " ms");
    md.append('\n');
  }

  private static void goal(
      StringBuilder md,
      String goal,
      double value,
      java.util.function.DoublePredicate met,
      String unit) {
    md.append("| ")
        .append(goal)
        .append(" | ")
        .append(Stats.format(value))
        .append(Double.isNaN(value) ? "" : unit)
        .append(" | ")
        .append(Double.isNaN(value) ? "?" : met.test(value) ? "yes" : "**no**")
        .append(" |\n");
  }
}
