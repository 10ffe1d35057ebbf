package org.ushs.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, enough to read values back in tests. */
final class PromText {

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: \\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final List<Sample> samples;

  private PromText(List<Sample> samples) {
    this.samples = samples;
  }

  static PromText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new PromText(samples);
  }

  /** The samples named {@code name} whose labels include {@code labels}. */
  List<Sample> find(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /** The value of the one sample named {@code name} with {@code labels}; fails if not one. */
  double value(String name, Map<String, String> labels) {
    List<Sample> found = find(name, labels);
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " samples of " + name + labels + ": " + found);
    }
    return found.get(0).value();
  }

  double value(String name) {
    return value(name, Map.of());
  }

  /** The sum of every sample named {@code name} with (at least) {@code labels}. */
  double sum(String name, Map<String, String> labels) {
    return find(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  boolean has(String name) {
    return !find(name, Map.of()).isEmpty();
  }
}
