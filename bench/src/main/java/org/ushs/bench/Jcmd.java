package org.ushs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code jcmd <pid> <command...>} on the server: heap figures, JFR recordings. */
final class Jcmd {

  private Jcmd() {}

  /** The command's output, or null when jcmd is missing, failed or took over a minute. */
  static String run(long pid, String... command) {
    List<String> words = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
    words.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean done = process.waitFor(60, TimeUnit.SECONDS);
      return done && process.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
