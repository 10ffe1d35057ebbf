package org.ushs.app;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ushs.cli.Ushs;

/** {@code ushs} run as a child JVM on the test classpath, as a script would run it. */
final class CliProcess {

  private final Process process;
  private final File out;
  private final File err;

  private CliProcess(Process process, File out, File err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code ushs args...}; {@code stdin} (may be null) is written and closed. */
  static CliProcess start(String stdin, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx128m", "-cp", System.getProperty("java.class.path")));
    command.add(Ushs.class.getName());
    command.addAll(List.of(args));
    File out = File.createTempFile("ushs-cli", ".out", new File("target"));
    File err = File.createTempFile("ushs-cli", ".err", new File("target"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
    builder.environment().keySet().removeIf(key -> key.startsWith("USHS_"));
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    return new CliProcess(process, out, err);
  }

  /** Runs to the end; the exit code. */
  static CliProcess run(String stdin, String... args) throws IOException, InterruptedException {
    CliProcess cli = start(stdin, args);
    cli.exitCode();
    return cli;
  }

  int exitCode() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("ushs did not exit within 60 s; stderr: " + err());
    }
    return process.exitValue();
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  List<String> outLines() {
    return out().lines().filter(line -> !line.isBlank()).toList();
  }

  private static String read(File file) {
    try {
      return Files.readString(file.toPath());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
