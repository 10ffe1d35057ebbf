package org.ushs.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.ushs.client.ClientOptions;
import org.ushs.client.ConnectionState;
import org.ushs.client.EventPosition;
import org.ushs.client.Gap;
import org.ushs.client.ReplayResult;
import org.ushs.client.StateChange;
import org.ushs.client.Subscription;
import org.ushs.client.UshsClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ushs tail}: follows events, reconnecting and resuming by itself. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Subscribe and print events as they come; reconnects and resumes by itself.",
      "Stops with exit 2 when the credentials are refused, 3 when it gives up connecting."
    })
final class TailCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CredentialOptions credentials;

  @Option(
      names = "--url",
      defaultValue = "ws://localhost:8080/ushs/v1/ws",
      split = ",",
      description = "Gateway URL(s); several are tried in turn (default: ${DEFAULT-VALUE}).")
  List<String> urls;

  @Option(
      names = {"-t", "--types"},
      defaultValue = "*",
      split = ",",
      description = "Event types: error,session,patch,deployment,health, a full type, * (default).")
  List<String> types;

  @Option(names = "--service", split = ",", description = "Only these services.")
  List<String> services;

  @Option(names = "--severity", split = ",", description = "Only these severities.")
  List<String> severities;

  @Option(names = "--session", description = "Only this healing session.")
  String session;

  @Option(
      names = "--since",
      description = "Resume after this event id (earliest: everything retained).")
  String since;

  @Option(
      names = "--since-position",
      paramLabel = "EPOCH:SEQUENCE",
      description = "Resume after this log position (the server prefers it to --since).")
  String sincePosition;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "json",
      description = "json (one CloudEvent per line, default) or table.")
  EventPrinter.Format format;

  @Option(
      names = {"-n", "--count"},
      description = "Exit 0 after this many events.")
  Integer count;

  @Option(
      names = "--max-attempts",
      defaultValue = "5",
      description =
          "Consecutive failed connection attempts before exit 3; 0: never give up"
              + " (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    EventPrinter printer = new EventPrinter(spec.commandLine().getOut(), format);
    ClientOptions.Builder options =
        ClientOptions.builder()
            .credentials(credentials.credentials())
            .subscription(subscription())
            .resumeFrom(since, position())
            .maxAttempts(maxAttempts);
    Vertx vertx = Vertx.vertx();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    AtomicInteger printed = new AtomicInteger();
    UshsClient client;
    try {
      urls.forEach(options::endpoint);
      client = UshsClient.create(vertx, options.build());
    } catch (IllegalArgumentException e) {
      vertx.close();
      throw new Ushs.UsageException(e.getMessage());
    }
    client
        .onEvent(
            event -> {
              // events keep coming (a replay's burst) until the client is closed: print N only
              if (count != null && printed.get() >= count) {
                return;
              }
              printer.print(event);
              if (count != null && printed.incrementAndGet() >= count) {
                exit.complete(ExitCodes.OK);
              }
            })
        .onReplay(
            replay -> {
              if (!replay.recovered()) {
                err.println(notResumed(replay));
                err.flush();
              }
            })
        .onGap(
            gap -> {
              err.println(warning(gap));
              err.flush();
            })
        .onError(error -> err.println("ushs: server error " + error))
        .onStateChange(change -> onState(change, err, exit));
    Thread hook = new Thread(() -> exit.complete(ExitCodes.OK), "ushs-tail-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    client.connect();
    int code = exit.join();
    try {
      client.close().toCompletionStage().toCompletableFuture().join();
      vertx.close().toCompletionStage().toCompletableFuture().join();
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting (Ctrl-C): nothing left to unregister
    }
    return code;
  }

  /** The stderr line for a {@code recovered:false} replay answer. */
  static String notResumed(ReplayResult replay) {
    String why =
        replay.epochChanged() ? "the log started over (epoch " + replay.epoch() + "); " : "";
    return "ushs: warning: "
        + why
        + "could not resume after "
        + replay.lastEventId()
        + ": events may have been missed";
  }

  /** The stderr line for a gap: {@code ushs: warning: missed events 120..180 (61, retention)}. */
  static String warning(Gap gap) {
    String range =
        gap.from() == gap.to() ? "event " + gap.from() : "events " + gap.from() + ".." + gap.to();
    return "ushs: warning: missed " + range + " (" + gap.count() + ", " + gap.reason() + ")";
  }

  private EventPosition position() {
    try {
      return sincePosition == null ? null : EventPosition.parse(sincePosition);
    } catch (IllegalArgumentException e) {
      throw new Ushs.UsageException("--since-position: " + e.getMessage());
    }
  }

  private Subscription subscription() {
    return new Subscription(types, services, severities, session);
  }

  private static void onState(
      StateChange change, PrintWriter err, CompletableFuture<Integer> exit) {
    if (change.state() == ConnectionState.DISCONNECTED) {
      err.println(disconnected(change));
    } else if (change.state() == ConnectionState.STOPPED && !exit.isDone()) {
      Integer code = change.closeCode();
      boolean auth = code != null && (code == 4001 || code == 4002);
      err.printf(
          "ushs: %s: %s%s%n",
          auth ? "credentials refused" : "stopped",
          code == null ? "" : code + " ",
          change.reason());
      exit.complete(auth ? ExitCodes.AUTH : ExitCodes.CONNECTION);
    }
    err.flush();
  }

  /**
   * The stderr line for a lost connection: the endpoint with its own error, then where and when the
   * next attempt goes.
   */
  static String disconnected(StateChange change) {
    return "ushs: "
        + change.endpoint()
        + ": "
        + cause(change.closeCode(), change.reason())
        + "; reconnecting to "
        + change.nextEndpoint()
        + " in "
        + change.retryIn().toMillis()
        + " ms";
  }

  private static String cause(Integer code, String reason) {
    boolean hasReason = reason != null && !reason.isBlank();
    if (code == null) {
      return hasReason ? reason : "connection lost";
    }
    return "close " + code + (hasReason ? " " + reason : "");
  }
}
