package org.ushs.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code web-test/ui.spec.mjs} in a Node process driving headless Chromium: commands go to its
 * stdin, its answers come back as stdout lines (its stderr, with the page's console, goes to the
 * test's). Fails, never skips, when Chromium or the script's node_modules are missing.
 */
final class BrowserScript implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long ANSWER_SECONDS = 90;

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private BrowserScript(Process process) {
    this.process = process;
    this.stdin = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readAnswers, "ui.spec stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the script on the page at {@code uiUrl} with {@code token} in its fragment. */
  static BrowserScript start(String uiUrl, String token) throws IOException {
    Path dir = webTest();
    if (!Files.isExecutable(CHROMIUM)) {
      throw new AssertionError(
          CHROMIUM
              + " is missing: install Chromium (scripts/test.sh does: apt-get install chromium)");
    }
    if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
      throw new AssertionError(
          dir.resolve("node_modules") + " lacks playwright-core: run (cd web-test && npm ci)");
    }
    ProcessBuilder builder =
        new ProcessBuilder("node", "ui.spec.mjs")
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> env = builder.environment();
    env.put("USHS_UI_URL", uiUrl);
    env.put("USHS_TOKEN", token);
    env.put("CHROMIUM", CHROMIUM.toString());
    return new BrowserScript(builder.start());
  }

  private static Path webTest() {
    // surefire runs in app/; the script lives at the repository root
    Path fromModule = Path.of("..", "web-test");
    return (Files.isDirectory(fromModule) ? fromModule : Path.of("web-test")).toAbsolutePath();
  }

  private void readAnswers() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        answers.add(line);
      }
    } catch (IOException e) {
      answers.add("FAIL reading the script's output: " + e);
    }
    answers.add("EXIT");
  }

  /** Sends one command line. */
  void send(String command) throws IOException {
    stdin.write(command + "\n");
    stdin.flush();
  }

  /** The next answer, which must start with {@code prefix}; waits at most 90 s. */
  String expect(String prefix) throws InterruptedException {
    String line = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no answer from ui.spec.mjs within " + ANSWER_SECONDS + " s");
    }
    if (!line.startsWith(prefix)) {
      throw new AssertionError("ui.spec.mjs: expected " + prefix + ", got: " + line);
    }
    return line;
  }

  @Override
  public void close() throws IOException {
    if (!process.isAlive()) {
      return;
    }
    try {
      send("QUIT");
    } catch (IOException e) {
      // the script is already gone
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
