package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log line of the JVM (root JUL logger: ours, Vert.x, Netty, Hazelcast), formatted with its
 * stack trace, so that tests can assert what is logged and what never is.
 */
final class LogCapture extends Handler implements AutoCloseable {

  private static final long WAIT_MILLIS = 10_000;

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  LogCapture() {
    setLevel(Level.ALL);
    Logger.getLogger("").addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    StringBuilder line =
        new StringBuilder(record.getLoggerName() + " " + formatter.formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append('\n').append(trace);
    }
    lines.add(line.toString());
  }

  /** The position after the last line so far. */
  int mark() {
    return lines.size();
  }

  /** The lines after {@code mark} that satisfy {@code filter}. */
  List<String> since(int mark, Predicate<String> filter) {
    return lines.subList(mark, lines.size()).stream().filter(filter).toList();
  }

  /** Waits (bounded) until a line after {@code mark} satisfies {@code filter}; returns it. */
  String await(int mark, Predicate<String> filter) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      List<String> found = since(mark, filter);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no such log line within " + WAIT_MILLIS + " ms");
  }

  /** Asserts that no line logged so far holds any of {@code secrets}. */
  void assertNoneHolds(Collection<String> secrets) {
    for (String line : lines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), () -> "a log line holds a secret: " + line);
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
