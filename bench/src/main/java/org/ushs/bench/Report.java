package org.ushs.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's figures: one row per round, then the median of each column, except the integrity
 * counters (lost, duplicates...) which are totalled: one lost event in any round matters.
 */
final class Report {

  /** Columns totalled over the rounds rather than taken as a median. */
  static final Set<String> TOTALLED =
      Set.of("lost", "dup", "out-of-order", "strays", "closed", "pub failed", "connect failed");

  private final String title;
  private final List<String> notes = new ArrayList<>();
  private final List<Map<String, Double>> rows = new ArrayList<>();

  Report(String title) {
    this.title = title;
  }

  void note(String note) {
    notes.add(note);
    System.out.println("  " + note);
  }

  void add(Map<String, Double> row) {
    rows.add(new LinkedHashMap<>(row));
    StringBuilder line = new StringBuilder("  round " + rows.size() + ":");
    row.forEach(
        (name, value) -> line.append(' ').append(name).append('=').append(Stats.format(value)));
    System.out.println(line);
  }

  /** Median (or total) of every column over the rounds. */
  Map<String, Double> summary() {
    Map<String, Double> summary = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return summary;
    }
    for (String column : rows.get(0).keySet()) {
      double[] values =
          rows.stream().mapToDouble(row -> row.getOrDefault(column, Double.NaN)).toArray();
      summary.put(column, TOTALLED.contains(column) ? Stats.sum(values) : Stats.median(values));
    }
    return summary;
  }

  String markdown() {
    StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
    notes.forEach(note -> md.append("- ").append(note).append('\n'));
    if (rows.isEmpty()) {
      return md.append('\n').toString();
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    md.append("\n| round | ").append(String.join(" | ", columns)).append(" |\n|---|");
    columns.forEach(column -> md.append("---:|"));
    md.append('\n');
    for (int i = 0; i < rows.size(); i++) {
      appendRow(md, Integer.toString(i + 1), columns, rows.get(i));
    }
    if (rows.size() > 1) {
      appendRow(md, "**median**", columns, summary());
    }
    return md.append('\n').toString();
  }

  private static void appendRow(
      StringBuilder md, String label, List<String> columns, Map<String, Double> row) {
    md.append("| ").append(label).append(" |");
    for (String column : columns) {
      md.append(' ').append(Stats.format(row.getOrDefault(column, Double.NaN))).append(" |");
    }
    md.append('\n');
  }

  JsonObject json(String key) {
    JsonObject medians = new JsonObject();
    summary().forEach((name, value) -> medians.put(name, Double.isNaN(value) ? null : value));
    return new JsonObject()
        .put("key", key)
        .put("scenario", title)
        .put("rounds", rows.size())
        .put("summary", medians);
  }

  /** Appends the markdown to {@code --out} and the JSON line to {@code --json}, when given. */
  void write(Options options) {
    append(options.string("out", null), markdown());
    append(options.string("json", null), json(options.string("key", title)).encode() + "\n");
  }

  private static void append(String file, String text) {
    if (file == null) {
      return;
    }
    try {
      Files.writeString(
          Path.of(file),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
