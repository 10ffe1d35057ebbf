package org.ushs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ushs token}: mints an HS256 development token. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Mint an HS256 token for a gateway whose USHS_JWT_SECRET you know (development).",
      "A dev-mode node started with USHS_DEV_SECRET_FILE=PATH writes its secret there:"
          + " --secret-file PATH."
    })
final class TokenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--secret",
      defaultValue = "${env:USHS_JWT_SECRET}",
      description = "The HS256 secret (default: $USHS_JWT_SECRET); at least 32 bytes.")
  String secret;

  @Option(
      names = "--secret-file",
      paramLabel = "PATH",
      description = "Read the secret from this file (surrounding white space ignored).")
  Path secretFile;

  @Option(
      names = "--sub",
      defaultValue = "ushs-cli",
      description = "Subject (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(
      names = "--event-types",
      split = ",",
      description = "Event types it may see: error,session,patch,deployment,health (default: all).")
  List<String> eventTypes;

  @Option(names = "--services", split = ",", description = "Services it may see (default: all).")
  List<String> services;

  @Option(names = "--publish", description = "May publish events.")
  boolean publish;

  @Option(
      names = "--ttl",
      defaultValue = "1h",
      description = "Lifetime: 90s, 30m, 12h, 7d (default: ${DEFAULT-VALUE}).")
  String ttl;

  @Override
  public Integer call() {
    String key = secret();
    if (key == null || key.isBlank()) {
      throw new Ushs.UsageException("--secret, --secret-file or USHS_JWT_SECRET is required");
    }
    if (key.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new Ushs.UsageException("the secret must be at least 32 bytes, as the gateway's");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        DevToken.mint(
            key, subject, eventTypes, services, publish, Instant.now(), Durations.parse(ttl)));
    out.flush();
    return ExitCodes.OK;
  }

  /** From the file, else {@code --secret} (whose default is {@code $USHS_JWT_SECRET}). */
  private String secret() {
    if (secretFile == null) {
      return secret;
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--secret")) {
      throw new Ushs.UsageException("--secret and --secret-file are mutually exclusive");
    }
    try {
      return Files.readString(secretFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new Ushs.UsageException("--secret-file: cannot read " + secretFile + ": " + e);
    }
  }

  /** Durations as the gateway's settings write them. */
  static final class Durations {
    private Durations() {}

    static Duration parse(String text) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h|d)").matcher(text.trim());
      if (!m.matches()) {
        throw new Ushs.UsageException("bad duration " + text + ": write 90s, 30m, 12h or 7d");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
  }
}
