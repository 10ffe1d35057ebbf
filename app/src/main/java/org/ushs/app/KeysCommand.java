package org.ushs.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.ushs.common.auth.ApiKeyEntry;
import org.ushs.common.auth.ApiKeysFile;
import org.ushs.common.auth.Permissions;

/**
 * {@code ushs keys add --id ID --file FILE [--event-types a,b] [--services a,b] [--publish]}: makes
 * a random API key, stores only its SHA-256 (with the permissions) in the keys file, and prints the
 * key once on standard output. The file is replaced atomically; an existing id is refused.
 */
final class KeysCommand {

  static final String USAGE =
      "usage: java -jar ushs.jar keys add --id ID --file FILE"
          + " [--event-types error,session] [--services a,b] [--publish]";

  /** The parsed arguments; null lists mean all. */
  record Args(
      String id, Path file, List<String> eventTypes, List<String> services, boolean publish) {}

  private KeysCommand() {}

  /** Runs the command; returns the process exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Args parsed = parse(args);
      String key = ApiKeysFile.generateKey();
      add(parsed, ApiKeysFile.hash(key));
      err.println(
          "API key '"
              + parsed.id()
              + "' added to "
              + parsed.file()
              + " (only its SHA-256 is stored); it is shown this once:");
      out.println(key);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("ushs keys: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("ushs keys: " + e);
      return 1;
    }
  }

  static Args parse(String[] args) {
    if (args.length < 2 || !args[0].equals("keys") || !args[1].equals("add")) {
      throw new IllegalArgumentException("unknown command " + String.join(" ", args));
    }
    String id = null;
    Path file = null;
    List<String> eventTypes = null;
    List<String> services = null;
    boolean publish = false;
    for (int i = 2; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--publish")) {
        publish = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--id" -> id = value;
        case "--file" -> file = Path.of(value);
        case "--event-types" -> eventTypes = list(value);
        case "--services" -> services = list(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (id == null || id.isBlank() || file == null) {
      throw new IllegalArgumentException("--id and --file are required");
    }
    return new Args(id, file, eventTypes, services, publish);
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",", -1)).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The permissions of {@code args}, checked as the node will read them. */
  static Permissions permissions(Args args) {
    JsonObject json = new JsonObject().put("publish", args.publish());
    if (args.eventTypes() != null) {
      json.put("eventTypes", new JsonArray(args.eventTypes()));
    }
    if (args.services() != null) {
      json.put("services", new JsonArray(args.services()));
    }
    return Permissions.fromJson(json);
  }

  private static void add(Args args, String sha256) throws IOException {
    Path file = args.file().toAbsolutePath();
    String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    String updated =
        ApiKeysFile.add(content, new ApiKeyEntry(args.id(), sha256, permissions(args)));
    Path temp = Files.createTempFile(file.getParent(), ".ushs-keys", ".tmp");
    try {
      Files.writeString(temp, updated, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
