package org.ushs.common.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of raw {@code USHS_*} values, each failing with a line that names the setting. */
final class Settings {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)(|B|KiB|MiB|GiB)");

  private final Map<String, String> values;

  Settings(Map<String, String> values) {
    this.values = values;
  }

  String string(String name, String fallback) {
    String value = values.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  int integer(String name, int fallback, int min, int max) {
    String value = string(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new ConfigException(name, "must be between " + min + " and " + max + ": " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be a whole number: " + value);
    }
  }

  int port(String name, int fallback) {
    return integer(name, fallback, 0, 65535);
  }

  Duration duration(String name, Duration fallback) {
    String value = string(name, null);
    if (value == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new ConfigException(name, "must be a duration such as 500ms, 30s, 5m, 1h: " + value);
    }
    long unitMillis =
        switch (m.group(2)) {
          case "ms" -> 1L;
          case "s" -> 1000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          default -> 86_400_000L;
        };
    Duration parsed;
    try {
      // in milliseconds, so that toMillis() cannot overflow where the duration is used
      parsed = Duration.ofMillis(Math.multiplyExact(Long.parseLong(m.group(1)), unitMillis));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ConfigException(name, "too large: " + value);
    }
    if (parsed.isZero()) {
      throw new ConfigException(name, "must be more than zero: " + value);
    }
    return parsed;
  }

  /** A duration of at most {@code max} that may be {@code 0} (the default). */
  Duration delay(String name, Duration max) {
    String value = string(name, null);
    if (value == null || value.matches("0+(ms|s|m|h|d)?")) {
      return Duration.ZERO;
    }
    return duration(name, Duration.ZERO, max);
  }

  /** A duration of at most {@code max}. */
  Duration duration(String name, Duration fallback, Duration max) {
    Duration parsed = duration(name, fallback);
    if (parsed.compareTo(max) > 0) {
      String limit = max.toMillis() % 1000 == 0 ? max.toSeconds() + "s" : max.toMillis() + "ms";
      throw new ConfigException(name, "must be at most " + limit + ": " + values.get(name));
    }
    return parsed;
  }

  boolean bool(String name, boolean fallback) {
    String value = string(name, null);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(name, "must be true or false: " + value);
    };
  }

  int bytes(String name, int fallback, int min) {
    return (int) size(name, fallback, min, Integer.MAX_VALUE, "2GiB");
  }

  /** A size in bytes such as 65536, 64KiB, 4MiB, 1GiB, between {@code min} and {@code max}. */
  long size(String name, long fallback, long min, long max, String maxText) {
    String value = string(name, null);
    if (value == null) {
      return fallback;
    }
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new ConfigException(name, "must be a size such as 65536, 64KiB, 4MiB: " + value);
    }
    long unit =
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
          case "KIB" -> 1024L;
          case "MIB" -> 1024L * 1024;
          case "GIB" -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    long parsed;
    try {
      parsed = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      parsed = Long.MAX_VALUE; // out of range below
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(name, "must be between " + min + " and " + maxText + ": " + value);
    }
    return parsed;
  }

  List<String> list(String name) {
    String value = string(name, "");
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
