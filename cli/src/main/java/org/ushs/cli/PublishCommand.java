package org.ushs.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.ushs.client.HttpPublisher;
import org.ushs.client.PublishRefused;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ushs publish}: one event from flags or a file, or many from stdin as JSON lines. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish CloudEvents; prints one ack per event: {\"id\":..,\"sequence\":..}.",
      "Exit 4 with the problem when the API rejects an event, 2 on 401/403."
    })
final class PublishCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CredentialOptions credentials;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8081",
      description = "Ingest node (default: ${DEFAULT-VALUE}).")
  String url;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(
        names = "--type",
        required = true,
        description = "Event type, e.g. org.ushs.error.detected.")
    String type;

    @Option(names = "--file", description = "A JSON file: one event, or an array (one batch).")
    Path file;

    @Option(names = "--stdin", description = "Events from standard input, one JSON object a line.")
    boolean stdin;
  }

  @Option(
      names = "--source",
      defaultValue = "/ushs/cli",
      description = "With --type (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(
      names = "--data",
      defaultValue = "{}",
      description = "With --type: the data, a JSON object.")
  String data;

  @Option(names = "--id", description = "With --type: the event id (default: a random UUID).")
  String id;

  @Option(names = "--subject", description = "With --type: the subject.")
  String subject;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Vertx vertx = Vertx.vertx();
    HttpPublisher publisher = new HttpPublisher(vertx, URI.create(url), credentials.credentials());
    try {
      if (input.stdin) {
        return publishLines(publisher, out);
      }
      Object body = input.file != null ? readFile(input.file) : fromFlags();
      return send(
          body instanceof JsonArray batch
              ? publisher.publishBatch(batch)
              : publisher.publish((JsonObject) body),
          out);
    } finally {
      publisher.close();
      vertx.close();
    }
  }

  private int publishLines(HttpPublisher publisher, PrintWriter out) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      int code = send(publisher.publish(parseObject(line, "stdin line " + number)), out);
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    return ExitCodes.OK;
  }

  private JsonObject fromFlags() {
    JsonObject event =
        new JsonObject()
            .put("specversion", "1.0")
            .put("id", id == null ? UUID.randomUUID().toString() : id)
            .put("source", source)
            .put("type", input.type)
            .put("datacontenttype", "application/json")
            .put("data", parseObject(data, "--data"));
    return subject == null ? event : event.put("subject", subject);
  }

  private static Object readFile(Path file) throws IOException {
    String text = Files.readString(file).trim();
    try {
      return text.startsWith("[") ? new JsonArray(text) : new JsonObject(text);
    } catch (DecodeException e) {
      throw new Ushs.UsageException(file + ": not a JSON object or array: " + e.getMessage());
    }
  }

  private static JsonObject parseObject(String text, String where) {
    try {
      return new JsonObject(text);
    } catch (DecodeException e) {
      throw new Ushs.UsageException(where + ": not a JSON object: " + e.getMessage());
    }
  }

  private int send(Future<List<HttpPublisher.Ack>> publishing, PrintWriter out) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      for (HttpPublisher.Ack ack : publishing.toCompletionStage().toCompletableFuture().join()) {
        out.println(
            new JsonObject().put("id", ack.id()).put("sequence", Long.toString(ack.sequence())));
      }
      out.flush();
      return ExitCodes.OK;
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof PublishRefused refused) {
        err.println("ushs: publish rejected: " + describe(refused));
        err.flush();
        int status = refused.status();
        return status == 401 || status == 403
            ? ExitCodes.AUTH
            : status == 400 || status == 413 ? ExitCodes.REJECTED : ExitCodes.CONNECTION;
      }
      err.println("ushs: cannot publish to " + url + ": " + cause.getMessage());
      err.flush();
      return ExitCodes.CONNECTION;
    }
  }

  /** The status, the problem's title and each {@code field: error}. */
  static String describe(PublishRefused refused) {
    JsonObject problem = refused.problem();
    if (problem == null) {
      return refused.getMessage();
    }
    StringBuilder text = new StringBuilder().append(refused.status());
    String title = problem.getString("title", problem.getString("detail", ""));
    text.append(' ').append(title);
    JsonArray errors = problem.getJsonArray("errors", new JsonArray());
    for (Object item : errors) {
      if (item instanceof JsonObject error) {
        text.append("\n  ")
            .append(error.getString("field"))
            .append(": ")
            .append(error.getString("error"));
      }
    }
    return text.toString();
  }
}
