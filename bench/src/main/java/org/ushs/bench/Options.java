package org.ushs.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: a scenario name, then {@code --name value} (or {@code --name=value}) options.
 * Unknown options are refused so that a typo never runs a different benchmark than asked.
 */
record Options(String scenario, List<String> arguments, Map<String, String> values) {

  static final Set<String> KNOWN =
      Set.of(
          "host",
          "gateway-port",
          "ingest-port",
          "secret",
          "server-pid",
          "subscribers",
          "rounds",
          "duration",
          "warmup",
          "rate",
          "events",
          "batch",
          "concurrency",
          "window",
          "services",
          "loops",
          "local-addresses",
          "connect-concurrency",
          "drain-timeout",
          "label",
          "out",
          "json",
          "idle-settle",
          "quiet-threshold",
          "quiet-wait",
          "retries",
          "key",
          "top",
          "jfr",
          "server",
          "nats-port",
          "node-pids",
          "read-rate");

  Options {
    arguments = List.copyOf(arguments);
    values = Map.copyOf(values);
  }

  /** Parses {@code args}; the first word is the scenario, words not after an option are kept. */
  static Options parse(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("a scenario is required");
    }
    Map<String, String> values = new HashMap<>();
    List<String> arguments = new java.util.ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        arguments.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(name, value);
    }
    return new Options(args[0], arguments, values);
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return (int) number(name, fallback);
  }

  long number(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number: " + value, e);
    }
  }

  double decimal(String name, double fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number: " + value, e);
    }
  }

  /** A list option, comma-separated. */
  List<String> list(String name, String fallback) {
    return List.of(string(name, fallback).split(","));
  }

  /** The option, required. */
  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
