package org.ushs.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ushs}: tail events, publish events, mint development tokens. */
@Command(
    name = "ushs",
    mixinStandardHelpOptions = true,
    version = "ushs 0.1.0",
    description = "Command-line client of the USHS event gateway.",
    subcommands = {TailCommand.class, PublishCommand.class, TokenCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:usage: bad flags or input",
      "2:credentials refused (4001/4002, HTTP 401/403)",
      "3:connection or server failure",
      "4:event rejected by the publish API (HTTP 400/413)"
    })
public final class Ushs implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /**
   * Runs the command line with the given streams; returns the exit code (see {@link ExitCodes}).
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Ushs());
    line.setOut(out).setErr(err);
    line.setParameterExceptionHandler(
        (ex, ignored) -> {
          err.println("ushs: " + ex.getMessage());
          ex.getCommandLine().usage(err);
          return ExitCodes.USAGE;
        });
    line.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          err.println("ushs: " + ex.getMessage());
          return ex instanceof UsageException ? ExitCodes.USAGE : ExitCodes.CONNECTION;
        });
    return line.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Bad input found while running: exit code 1. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
