package org.ushs.common.config;

import java.util.Locale;

/** How a node writes its log lines: {@code text} for people, {@code json} (one object a line). */
public enum LogFormat {
  TEXT,
  JSON;

  static LogFormat parse(String name) {
    for (LogFormat format : values()) {
      if (format.name().equals(name.toUpperCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new ConfigException("USHS_LOG_FORMAT", "must be text or json: " + name);
  }
}
