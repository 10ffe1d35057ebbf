package org.ushs.app;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * JSON lines ({@code USHS_LOG_FORMAT=json}): one object per record with {@code time} (ISO-8601
 * UTC), {@code level}, {@code logger}, {@code message} (parameters filled in), and {@code error}
 * (the stack trace) when the record has one. A message never spans lines: newlines are escaped.
 */
public final class JsonLogFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    JsonObject line =
        new JsonObject()
            .put("time", record.getInstant().toString())
            .put("level", record.getLevel().getName())
            .put("logger", record.getLoggerName())
            .put("message", formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.put("error", trace.toString());
    }
    return line.encode() + "\n";
  }
}
